"use client";
// The endpoints overview. It renders from the database at once, then re-checks each enabled endpoint's
// model list in the background (each check bounded by a short timeout), so a dead server shows as
// "stale" without ever slowing the page.
import Link from "next/link";
import { useEffect, useState } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { EndpointBadges } from "@/components/admin/endpoint-status";
import { PRESET_IDS, PRESETS, type PresetId } from "@/lib/ai/presets";
import type { EndpointView } from "@/lib/types/endpoints";

const viewSchema = z.object({ endpoint: z.custom<EndpointView>((value) => typeof value === "object" && value !== null) });

function presetLabel(preset: string): string {
  return (PRESET_IDS as readonly string[]).includes(preset) ? PRESETS[preset as PresetId].label : preset;
}

export function EndpointsList({ initial, recheck }: { initial: EndpointView[]; recheck: string[] }) {
  const [endpoints, setEndpoints] = useState(initial);
  const [checking, setChecking] = useState<Set<string>>(() => new Set(recheck));

  useEffect(() => {
    for (const id of recheck) {
      void fetchJson(`/api/admin/endpoints/${id}/refresh`, viewSchema, { method: "POST" }).then((result) => {
        if (result.ok) setEndpoints((list) => list.map((item) => (item.id === id ? result.data.endpoint : item)));
        setChecking((ids) => {
          const next = new Set(ids);
          next.delete(id);
          return next;
        });
      });
    }
  }, [recheck]);

  if (endpoints.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">
        No endpoints yet. Add one to connect hosted OpenAI or a server such as Ollama, vLLM or LM Studio.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-3" aria-label="Endpoints">
      {endpoints.map((endpoint) => {
        const enabledModels = endpoint.models.filter((model) => model.enabled).length;
        return (
          <li key={endpoint.id} data-testid="endpoint-card" data-name={endpoint.name} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <Link href={`/admin/endpoints/${endpoint.id}`} className="font-medium underline-offset-2 hover:underline">
                  {endpoint.name}
                </Link>
                <p className="truncate text-sm text-zinc-500">
                  {presetLabel(endpoint.preset)} · <code>{endpoint.baseUrl}</code>
                </p>
                <p className="text-xs text-zinc-500">
                  {endpoint.models.length} model(s), {enabledModels} enabled
                  {checking.has(endpoint.id) ? " · checking…" : ""}
                </p>
              </div>
              <EndpointBadges endpoint={endpoint} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
