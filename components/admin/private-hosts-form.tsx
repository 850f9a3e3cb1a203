"use client";
// The admin allow-list of self-hosted services actions may reach, one "host" or
// "host:port" per line. The server checks and normalises it; what it stored is shown back.
import { useId, useState, type FormEvent } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

const savedSchema = z.object({ actionPrivateHosts: z.array(z.string()) });

export function PrivateHostsForm({ initialHosts }: { initialHosts: string[] }) {
  const id = useId();
  const hydrated = useHydrated();
  const [text, setText] = useState(initialHosts.join("\n"));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSaved(false);
    const hosts = text.split("\n").map((line) => line.trim()).filter(Boolean);
    const result = await fetchJson("/api/admin/settings", savedSchema, { method: "PATCH", body: JSON.stringify({ actionPrivateHosts: hosts }) });
    setPending(false);
    if (!result.ok) {
      setError(result.fields?.actionPrivateHosts ?? result.message);
      return;
    }
    setText(result.data.actionPrivateHosts.join("\n"));
    setSaved(true);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="font-medium">
        Private hosts for actions
      </h2>
      <label htmlFor={`${id}-hosts`} className="text-sm font-medium">
        Private hosts allowed for actions
      </label>
      <p id={`${id}-help`} className="text-sm text-zinc-600 dark:text-zinc-400">
        One <code>host</code> or <code>host:port</code> per line, e.g. <code>wiki.internal</code>, <code>10.0.0.5:8080</code> or{" "}
        <code>[fd00::5]:443</code>. An assistant&apos;s action may reach one of these self-hosted services on your network when its
        OpenAPI document names it as a server; the web page tool never reaches them. Every other private, loopback, link-local and cloud metadata address stays refused.
      </p>
      <textarea
        id={`${id}-hosts`}
        rows={5}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setSaved(false);
        }}
        disabled={!hydrated}
        aria-describedby={`${id}-help`}
        aria-invalid={error ? true : undefined}
        spellCheck={false}
        className="rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={!hydrated || pending}>
          {pending ? "Saving…" : "Save private hosts"}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
