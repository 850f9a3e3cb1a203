"use client";
// An endpoint's models: refresh from GET /models, add one by name, enable, rename, make default.
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { StaleBadge } from "@/components/admin/endpoint-status";
import { LocalTime } from "@/components/admin/time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { EndpointView, ModelView } from "@/lib/types/endpoints";

const anyObject = z.object({}).loose();

export function ModelsPanel({ endpoint }: { endpoint: EndpointView }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newName, setNewName] = useState("");
  // Changes show at once; the server's answer (after router.refresh) then agrees, or the change is undone.
  const [optimistic, setOptimistic] = useState<Record<string, Partial<ModelView>>>({});
  const models = endpoint.models.map((model) => ({ ...model, ...optimistic[model.id] }));

  async function call(key: string, url: string, init: RequestInit) {
    setBusy(key);
    setError(null);
    const result = await fetchJson(url, anyObject, init);
    setBusy(null);
    if (!result.ok) setError(result.message);
    router.refresh();
    return result.ok;
  }

  async function patchModel(model: ModelView, change: { enabled?: boolean; displayName?: string | null; isDefault?: true; contextWindow?: number | null }) {
    const previous = optimistic[model.id];
    // "Default" is shown from the server's answer only: it moves between rows.
    const { isDefault, ...visible } = change;
    setOptimistic((state) => ({ ...state, [model.id]: { ...state[model.id], ...visible, ...(isDefault ? { enabled: true } : {}) } }));
    const ok = await call(model.id, `/api/admin/models/${model.id}`, { method: "PATCH", body: JSON.stringify(change) });
    if (!ok) setOptimistic((state) => ({ ...state, [model.id]: previous ?? {} }));
  }

  async function addByName(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await call("add", `/api/admin/endpoints/${endpoint.id}/models`, { method: "POST", body: JSON.stringify({ name: newName }) })) setNewName("");
  }

  return (
    <section aria-labelledby="models-heading" className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="models-heading" className="font-medium">
            Models
          </h2>
          <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
            {endpoint.modelsFetchedAt ? (
              <span>
                Fetched <LocalTime iso={endpoint.modelsFetchedAt} />
              </span>
            ) : (
              <span>Never fetched</span>
            )}
            <StaleBadge endpoint={endpoint} />
          </p>
        </div>
        <Button variant="secondary" disabled={!hydrated || busy !== null} onClick={() => call("refresh", `/api/admin/endpoints/${endpoint.id}/refresh`, { method: "POST" })}>
          <RefreshCw className="size-4" aria-hidden /> {busy === "refresh" ? "Refreshing…" : "Refresh models"}
        </Button>
      </div>
      {endpoint.modelsError ? <Alert>{endpoint.modelsError}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      {models.length === 0 ? (
        <p className="text-sm text-zinc-500">No models yet. Refresh the list, or add a model by name if this server has no /models.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {models.map((model) => (
            <li key={model.id} data-testid="model-row" data-model={model.name} className="flex flex-wrap items-center gap-3 py-2">
              <label className="flex min-w-0 flex-1 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={model.enabled}
                  disabled={!hydrated || busy === model.id}
                  onChange={(event) => patchModel(model, { enabled: event.target.checked })}
                  aria-label={`Enable ${model.name}`}
                />
                <span className="truncate font-mono">{model.name}</span>
              </label>
              {model.source === "manual" ? <span className="text-xs text-zinc-500">added by name</span> : null}
              {!model.listed ? <span className="text-xs text-amber-700">no longer listed</span> : null}
              {model.toolsOk === false ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Tool calls fail</span> : null}
              {model.toolsOk === true ? <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">Tools work</span> : null}
              <input
                aria-label={`Display name of ${model.name}`}
                defaultValue={model.displayName ?? ""}
                placeholder="Display name"
                disabled={!hydrated}
                onBlur={(event) => {
                  const value = event.target.value.trim();
                  if (value !== (model.displayName ?? "")) void patchModel(model, { displayName: value || null });
                }}
                className="w-40 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              />
              <input
                type="number"
                min={1024}
                step={1}
                inputMode="numeric"
                aria-label={`Context window of ${model.name} (tokens)`}
                title="Context window in tokens: long conversations send only the latest messages that fit. Empty: unknown (32,768 is assumed)."
                defaultValue={model.contextWindow ?? ""}
                placeholder="Context (tokens)"
                disabled={!hydrated}
                onBlur={(event) => {
                  const text = event.target.value.trim();
                  const value = text === "" ? null : Number(text);
                  if (value !== (model.contextWindow ?? null)) void patchModel(model, { contextWindow: value });
                }}
                className="w-36 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              />
              {model.isDefault ? (
                <span className="rounded bg-blue-100 px-2 py-0.5 text-xs font-medium text-blue-900 dark:bg-blue-950 dark:text-blue-100">Default</span>
              ) : (
                <Button variant="secondary" disabled={!hydrated || busy === model.id} onClick={() => patchModel(model, { isDefault: true })} aria-label={`Make ${model.name} the default`}>
                  Make default
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addByName} className="flex flex-wrap gap-2" aria-label="Add a model by name">
        <label htmlFor="manual-model" className="sr-only">
          Model name
        </label>
        <input
          id="manual-model"
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
          placeholder="Model name, e.g. llama3.1:8b"
          disabled={!hydrated}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit" variant="secondary" disabled={!hydrated || !newName.trim() || busy === "add"}>
          Add model
        </Button>
      </form>
    </section>
  );
}
