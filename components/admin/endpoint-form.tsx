"use client";
// Add/edit form for an endpoint. Keys and header values are write-only: the form shows that a key is
// set and its last 4 characters, an empty field keeps it, and "Remove key" clears it.
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { normaliseBaseUrl } from "@/lib/ai/base-url";
import { PRESET_IDS, PRESETS, type PresetId } from "@/lib/ai/presets";
import { originChanged } from "@/lib/ai/secrets-follow-origin";
import type { EndpointView } from "@/lib/types/endpoints";

type HeaderRow = { key: number; name: string; value: string; stored: boolean };

const savedSchema = z.object({ endpoint: z.object({ id: z.string() }).loose(), notes: z.array(z.string()) });

export function EndpointForm({ endpoint }: { endpoint?: EndpointView }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [preset, setPreset] = useState<PresetId>(
    endpoint && (PRESET_IDS as readonly string[]).includes(endpoint.preset) ? (endpoint.preset as PresetId) : "ollama",
  );
  const [name, setName] = useState(endpoint?.name ?? PRESETS.ollama.label);
  const [baseUrl, setBaseUrl] = useState(endpoint?.baseUrl ?? PRESETS.ollama.baseUrl);
  const [useChatCompletions, setUseChatCompletions] = useState(endpoint?.useChatCompletions ?? false);
  const [apiKey, setApiKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  const [timeoutSeconds, setTimeoutSeconds] = useState(String(endpoint?.timeoutSeconds ?? 60));
  const [idleTimeoutSeconds, setIdleTimeoutSeconds] = useState(String(endpoint?.idleTimeoutSeconds ?? 60));
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const [headers, setHeaders] = useState<HeaderRow[]>(
    (endpoint?.headerNames ?? []).map((headerName, index) => ({ key: index, name: headerName, value: "", stored: true })),
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [savedNotes, setSavedNotes] = useState<string[]>([]);

  const normalised = useMemo(() => (baseUrl.trim() ? normaliseBaseUrl(baseUrl) : null), [baseUrl]);
  const info = PRESETS[preset];
  // Stored secrets follow their server (lib/ai/secrets-follow-origin.ts): say so before saving.
  const moved = Boolean(endpoint && normalised?.ok && originChanged(endpoint.baseUrl, normalised.url));
  const storedSecrets = Boolean(endpoint && (endpoint.hasApiKey || endpoint.headerNames.length > 0));

  function choosePreset(next: PresetId) {
    const previous = PRESETS[preset];
    setPreset(next);
    // Only replace values the admin has not typed over.
    if (!endpoint && (name === previous.label || name === "")) setName(PRESETS[next].label);
    if (!endpoint || baseUrl === previous.baseUrl || baseUrl === "") setBaseUrl(PRESETS[next].baseUrl);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFields({});
    const body = {
      name,
      preset,
      baseUrl,
      useChatCompletions: info.kind === "openai" && useChatCompletions,
      ...(apiKey ? { apiKey } : {}),
      removeApiKey: removeKey,
      headers: headers.map((row) => ({ name: row.name, ...(row.value ? { value: row.value } : {}) })),
      timeoutSeconds: Number(timeoutSeconds),
      idleTimeoutSeconds: Number(idleTimeoutSeconds),
      enabled,
    };
    const result = await fetchJson(endpoint ? `/api/admin/endpoints/${endpoint.id}` : "/api/admin/endpoints", savedSchema, {
      method: endpoint ? "PATCH" : "POST",
      body: JSON.stringify(body),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFields(result.fields ?? {});
      return;
    }
    setApiKey("");
    setRemoveKey(false);
    setSavedNotes(result.data.notes);
    if (endpoint) router.refresh();
    else router.push(`/admin/endpoints/${result.data.endpoint.id}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={endpoint ? "Edit endpoint" : "Add endpoint"}>
      {error ? <Alert>{error}</Alert> : null}
      {savedNotes.length > 0 ? <Alert tone="info">Saved. {savedNotes.join(" ")}</Alert> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="endpoint-preset" className="text-sm font-medium">
          Server type
        </label>
        <select
          id="endpoint-preset"
          value={preset}
          disabled={!hydrated}
          onChange={(event) => choosePreset(event.target.value as PresetId)}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          aria-describedby="endpoint-preset-help"
        >
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id].label}
            </option>
          ))}
        </select>
        <p id="endpoint-preset-help" className="text-xs text-zinc-500">
          {info.help}
        </p>
      </div>
      <TextField label="Name" name="name" value={name} onChange={(event) => setName(event.target.value)} disabled={!hydrated} error={fields.name} />
      <div className="flex flex-col gap-1">
        <TextField
          label="Base URL"
          name="baseUrl"
          value={baseUrl}
          placeholder={info.baseUrl || "http://host:port/v1"}
          onChange={(event) => setBaseUrl(event.target.value)}
          disabled={!hydrated}
          error={fields.baseUrl ?? (normalised && !normalised.ok ? normalised.error : undefined)}
        />
        {normalised?.ok && normalised.notes.length > 0 ? (
          <p className="text-xs text-amber-700 dark:text-amber-400" data-testid="base-url-note">
            Will be saved as <code>{normalised.url}</code>. {normalised.notes.join(" ")}
          </p>
        ) : null}
        {moved && storedSecrets ? (
          <p className="text-xs text-amber-700 dark:text-amber-400" data-testid="origin-change-note">
            This address is another server: enter the API key and header values again, or remove them. Stored secrets are only sent to the server
            they were entered for.
          </p>
        ) : null}
      </div>
      {info.kind === "openai" ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={useChatCompletions} disabled={!hydrated} onChange={(event) => setUseChatCompletions(event.target.checked)} />
          Use Chat Completions instead of the Responses API
        </label>
      ) : null}
      <div className="flex flex-col gap-1">
        <TextField
          label="API key"
          name="apiKey"
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          disabled={!hydrated || removeKey}
          error={fields.apiKey}
          hint={
            endpoint?.hasApiKey
              ? moved
                ? `A key is set (${endpoint.apiKeyHint ?? "••••"}), for the previous server: enter it again or remove it.`
                : `A key is set (${endpoint.apiKeyHint ?? "••••"}). Leave empty to keep it.`
              : info.keyRequired
                ? "Required by this server type."
                : "Optional: local servers usually need none."
          }
        />
        {endpoint?.hasApiKey ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={removeKey} disabled={!hydrated} onChange={(event) => setRemoveKey(event.target.checked)} />
            Remove the stored key
          </label>
        ) : null}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Extra HTTP headers</legend>
        {headers.length === 0 ? <p className="text-xs text-zinc-500">None. Values are stored encrypted and never shown again.</p> : null}
        {headers.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-center gap-2">
            <input
              aria-label={`Header ${index + 1} name`}
              value={row.name}
              disabled={!hydrated}
              onChange={(event) => setHeaders((rows) => rows.map((item) => (item.key === row.key ? { ...item, name: event.target.value } : item)))}
              placeholder="X-Header-Name"
              className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <input
              aria-label={`Header ${index + 1} value`}
              type="password"
              autoComplete="off"
              value={row.value}
              disabled={!hydrated}
              onChange={(event) => setHeaders((rows) => rows.map((item) => (item.key === row.key ? { ...item, value: event.target.value } : item)))}
              placeholder={row.stored ? "•••• (unchanged)" : "value"}
              className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <Button variant="ghost" aria-label={`Remove header ${index + 1}`} onClick={() => setHeaders((rows) => rows.filter((item) => item.key !== row.key))}>
              <Trash2 className="size-4" aria-hidden />
            </Button>
          </div>
        ))}
        {fields.headers ? <p className="text-sm text-red-600 dark:text-red-400">{fields.headers}</p> : null}
        <Button
          variant="secondary"
          className="self-start"
          disabled={!hydrated || headers.length >= 20}
          onClick={() => setHeaders((rows) => [...rows, { key: Date.now(), name: "", value: "", stored: false }])}
        >
          <Plus className="size-4" aria-hidden /> Add header
        </Button>
      </fieldset>
      <TextField
        label="Request timeout (seconds)"
        name="timeoutSeconds"
        type="number"
        min={1}
        max={600}
        value={timeoutSeconds}
        onChange={(event) => setTimeoutSeconds(event.target.value)}
        disabled={!hydrated}
        error={fields.timeoutSeconds}
        hint="How long to wait for the server to start answering."
      />
      <TextField
        label="Idle timeout (seconds)"
        name="idleTimeoutSeconds"
        type="number"
        min={1}
        max={600}
        value={idleTimeoutSeconds}
        onChange={(event) => setIdleTimeoutSeconds(event.target.value)}
        disabled={!hydrated}
        error={fields.idleTimeoutSeconds}
        hint="How long the server may go silent in the middle of an answer; then the answer ends with what arrived and says the model stopped responding."
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={enabled} disabled={!hydrated} onChange={(event) => setEnabled(event.target.checked)} />
        Enabled (its enabled models can be used in chats)
      </label>
      <Button type="submit" disabled={!hydrated || pending} className="self-start">
        {pending ? "Saving…" : endpoint ? "Save changes" : "Add endpoint"}
      </Button>
    </form>
  );
}
