"use client";
// "Test connection": runs the capability probe and shows each check as passed/failed in words.
import { CheckCircle2, CircleSlash, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { LocalTime } from "@/components/admin/time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { EndpointView, ProbeCheck } from "@/lib/types/endpoints";

const CHECK_NAMES: Record<ProbeCheck["id"], string> = {
  models: "Reachable and authorised (GET /models)",
  stream: "Streaming text",
  tools: "Streamed tool calls",
  usage: "Token usage reported",
};

const viewSchema = z.object({ endpoint: z.custom<EndpointView>((value) => typeof value === "object" && value !== null) });

export function ProbePanel({ endpoint }: { endpoint: EndpointView }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [model, setModel] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const probe = endpoint.probe;

  async function run() {
    setPending(true);
    setError(null);
    const result = await fetchJson(`/api/admin/endpoints/${endpoint.id}/test`, viewSchema, {
      method: "POST",
      body: JSON.stringify(model ? { model } : {}),
    });
    setPending(false);
    if (!result.ok) setError(result.message);
    router.refresh();
  }

  return (
    <section aria-labelledby="probe-heading" className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="probe-heading" className="font-medium">
            Connection test
          </h2>
          <p className="text-sm text-zinc-500">Checks what this endpoint can actually do, with one of its models.</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor="probe-model">
            Model to test
          </label>
          <select
            id="probe-model"
            value={model}
            disabled={!hydrated || pending}
            onChange={(event) => setModel(event.target.value)}
            className="max-w-56 rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="">First enabled or listed model</option>
            {endpoint.models.map((item) => (
              <option key={item.id} value={item.name}>
                {item.name}
              </option>
            ))}
          </select>
          <Button onClick={run} disabled={!hydrated || pending}>
            {pending ? "Testing…" : "Test connection"}
          </Button>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {probe ? (
        <>
          <p className="text-xs text-zinc-500" data-testid="probe-summary">
            Tested {endpoint.probedAt ? <LocalTime iso={endpoint.probedAt} /> : null}
            {probe.model ? ` with ${probe.model}` : ""} in {(probe.durationMs / 1000).toFixed(1)} s
          </p>
          <ul className="flex flex-col gap-2">
            {probe.checks.map((check) => (
              <li key={check.id} data-testid={`probe-check-${check.id}`} data-ok={check.ok ? "true" : "false"} className="flex gap-2 text-sm">
                {check.skipped ? (
                  <CircleSlash className="mt-0.5 size-4 shrink-0 text-zinc-400" aria-label="Skipped" />
                ) : check.ok ? (
                  <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-green-600" aria-label="Passed" />
                ) : (
                  <XCircle className="mt-0.5 size-4 shrink-0 text-red-600" aria-label="Failed" />
                )}
                <span>
                  <span className="font-medium">{CHECK_NAMES[check.id]}</span>
                  <span className="block break-words text-zinc-600 dark:text-zinc-400">{check.message}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-zinc-500">Not tested yet.</p>
      )}
    </section>
  );
}
