"use client";
// Everyone's API keys for the admin: whose, which, when last used, and Revoke (confirmed, audit-logged).
import { useState } from "react";
import { z } from "zod";
import { ApiKeyStateBadge } from "@/components/account/api-key-state-badge";
import { LocalTime } from "@/components/admin/time";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AdminApiKeyView } from "@/lib/types/api-keys";
import { fetchJson } from "@/lib/utils/fetch-json";

export function ApiKeysTable({ initialKeys }: { initialKeys: AdminApiKeyView[] }) {
  const hydrated = useHydrated();
  const [keys, setKeys] = useState(initialKeys);
  const [confirming, setConfirming] = useState<AdminApiKeyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!confirming) return;
    const id = confirming.id;
    setBusy(true);
    setError(null);
    const result = await fetchJson(`/api/admin/api-keys/${id}`, z.object({ revokedAt: z.string() }), { method: "DELETE" });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setKeys((current) => current.map((key) => (key.id === id ? { ...key, revokedAt: result.data.revokedAt } : key)));
    setConfirming(null);
  }

  if (keys.length === 0) {
    return <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">Nobody has created an API key yet.</p>;
  }

  return (
    <section aria-label="API keys of all users">
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {keys.map((key) => (
          <li key={key.id} data-testid="admin-api-key-row" data-prefix={key.prefix} data-email={key.userEmail} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                <span className="truncate font-medium">{key.name}</span>
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">{key.prefix}…</code>
                <ApiKeyStateBadge apiKey={key} />
              </p>
              <p className="truncate text-sm text-zinc-500">{key.userEmail}</p>
              <p className="text-xs text-zinc-500">
                Created <LocalTime iso={key.createdAt} /> · {key.lastUsedAt ? <>last used <LocalTime iso={key.lastUsedAt} /></> : "never used"}
                {key.revokedAt ? null : key.expiresAt ? <> · expires <LocalTime iso={key.expiresAt} /></> : " · never expires"}
              </p>
            </div>
            {key.revokedAt ? null : (
              <Button
                variant="danger"
                className="px-2 py-1 text-xs"
                disabled={!hydrated}
                onClick={() => {
                  setError(null);
                  setConfirming(key);
                }}
                aria-label={`Revoke ${key.name} of ${key.userEmail}`}
              >
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming !== null}
        title={`Revoke “${confirming?.name ?? ""}”?`}
        confirmLabel="Revoke key"
        busy={busy}
        error={error}
        onConfirm={() => void revoke()}
        onCancel={() => setConfirming(null)}
      >
        The key {confirming?.prefix}… of {confirming?.userEmail} stops working at once. They can create a new one unless you turn off their API access on the Users page.
      </ConfirmDialog>
    </section>
  );
}
