"use client";
// Names a new key and picks how long it lasts; the answer holds the full key, shown once by the caller.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { API_KEY_EXPIRY_DAYS, createApiKeySchema, createdApiKeySchema } from "@/lib/schemas/api-keys";
import { zodFieldErrors } from "@/lib/errors";
import type { AccountApiKeyView } from "@/lib/types/api-keys";
import { fetchJson } from "@/lib/utils/fetch-json";

const selectClass = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: { key: string; apiKey: AccountApiKeyView }) => void }) {
  const hydrated = useHydrated();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const parsed = createApiKeySchema.safeParse({ name, expiresInDays: expiry === "never" ? null : Number(expiry) });
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      return;
    }
    setFields({});
    setPending(true);
    const result = await fetchJson("/api/account/api-keys", createdApiKeySchema, { method: "POST", body: JSON.stringify(parsed.data) });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFields(result.fields ?? {});
      return;
    }
    setName("");
    onCreated(result.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Create an API key">
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label="Key name"
          className="min-w-0 flex-1"
          value={name}
          onChange={(event) => setName(event.target.value)}
          disabled={!hydrated || pending}
          placeholder="e.g. Laptop script"
          maxLength={80}
          error={fields.name}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="api-key-expiry" className="text-sm font-medium">
            Expires
          </label>
          <select id="api-key-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)} disabled={!hydrated || pending} className={selectClass}>
            {API_KEY_EXPIRY_DAYS.map((days) => (
              <option key={days} value={String(days)}>
                In {days} days
              </option>
            ))}
            <option value="never">Never</option>
          </select>
          {fields.expiresInDays ? <p className="text-sm text-red-600 dark:text-red-400">{fields.expiresInDays}</p> : null}
        </div>
      </div>
      <Button type="submit" className="self-start" disabled={!hydrated || pending}>
        {pending ? "Creating…" : "Create key"}
      </Button>
    </form>
  );
}
