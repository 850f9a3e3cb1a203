"use client";
// The user's keys: what each is, when it was last used, what it used over the last 30 days, and
// Revoke (after a confirmation, as it cannot be undone).
import { useState } from "react";
import { z } from "zod";
import { ApiKeyStateBadge } from "@/components/account/api-key-state-badge";
import { LocalTime } from "@/components/admin/time";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AccountApiKeyView } from "@/lib/types/api-keys";
import { fetchJson } from "@/lib/utils/fetch-json";

// One locale on the server and in the browser, so the figures hydrate as rendered.
const number = new Intl.NumberFormat("en-US");
const plural = (count: number, one: string, many: string) => `${number.format(count)} ${count === 1 ? one : many}`;

function UsageLine({ usage }: { usage: AccountApiKeyView["usage"] }) {
  const tokens = usage.inputTokens + usage.outputTokens;
  return (
    <span title={`${number.format(usage.inputTokens)} in, ${number.format(usage.outputTokens)} out`}>
      {plural(usage.requests, "request", "requests")} · {plural(tokens, "token", "tokens")}
    </span>
  );
}

export function ApiKeyList({ keys, onRevoked }: { keys: AccountApiKeyView[]; onRevoked: (id: string) => void }) {
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState<AccountApiKeyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    const result = await fetchJson(`/api/account/api-keys/${confirming.id}`, z.null(), { method: "DELETE" });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    onRevoked(confirming.id);
    setConfirming(null);
  }

  if (keys.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700" data-testid="api-keys-empty">
        You have no API keys yet.
      </p>
    );
  }

  return (
    <>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label="Your API keys">
        {keys.map((key) => (
          <li key={key.id} data-testid="api-key-row" data-prefix={key.prefix} className="flex flex-col gap-2 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="min-w-0 truncate font-medium">{key.name}</span>
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800" data-testid="api-key-prefix">
                {key.prefix}…
              </code>
              <ApiKeyStateBadge apiKey={key} />
              {key.revokedAt ? null : (
                <Button variant="danger" className="ml-auto px-2 py-1 text-xs" disabled={!hydrated} onClick={() => {
                    setError(null);
                    setConfirming(key);
                  }} aria-label={`Revoke ${key.name}`}>
                  Revoke
                </Button>
              )}
            </div>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-xs text-zinc-600 sm:grid-cols-2 dark:text-zinc-400">
              <div className="flex gap-1">
                <dt>Created</dt>
                <dd>
                  <LocalTime iso={key.createdAt} />
                </dd>
              </div>
              <div className="flex gap-1">
                <dt>Last used</dt>
                <dd data-testid="api-key-last-used">{key.lastUsedAt ? <LocalTime iso={key.lastUsedAt} /> : "never used"}</dd>
              </div>
              <div className="flex gap-1">
                <dt>{key.revokedAt ? "Revoked" : "Expires"}</dt>
                <dd data-testid="api-key-expiry">{key.revokedAt ? <LocalTime iso={key.revokedAt} /> : key.expiresAt ? <LocalTime iso={key.expiresAt} /> : "never"}</dd>
              </div>
              <div className="flex gap-1">
                <dt>Last 30 days</dt>
                <dd data-testid="api-key-usage">
                  <UsageLine usage={key.usage} />
                </dd>
              </div>
            </dl>
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
        Anything using the key {confirming?.prefix}… stops working at once. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
