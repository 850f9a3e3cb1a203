"use client";
// The instance-wide API switch: off, no personal API key works (keys are kept, and work again when it is back on).
import { useState } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { useHydrated } from "@/components/ui/use-hydrated";
import { fetchJson } from "@/lib/utils/fetch-json";

export function ApiToggle({ initialEnabled }: { initialEnabled: boolean }) {
  const hydrated = useHydrated();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    setError(null);
    const result = await fetchJson("/api/admin/settings", z.object({ apiEnabled: z.boolean() }), {
      method: "PATCH",
      body: JSON.stringify({ apiEnabled: !enabled }),
    });
    setPending(false);
    if (result.ok) setEnabled(result.data.apiEnabled);
    else setError(result.message);
  }

  return (
    <section className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby="api-access-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="api-access-heading" className="font-medium">
            API access
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="api-state">
            {enabled
              ? "On: people can create personal API keys and use Switchboard through /api/v1 (unless you turned it off for them on the Users page)."
              : "Off: no API key works and no new key can be created. Keys are kept and work again when you turn it back on."}
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" role="switch" className="size-4" checked={enabled} disabled={!hydrated || pending} onChange={toggle} aria-describedby="api-state" />
          Allow API access
        </label>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </section>
  );
}
