"use client";
// Versions (restore), export, feature (admins) and delete, beside the builder form.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { LocalTime } from "@/components/admin/time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AssistantVersionView, AssistantView } from "@/lib/types/assistants";

export function AssistantSideActions({ assistant, versions, isAdmin }: { assistant: AssistantView; versions: AssistantVersionView[]; isAdmin: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const ok = z.object({}).loose();

  async function call(url: string, init: RequestInit, after?: () => void) {
    setError(null);
    const result = await fetchJson(url, init.method === "DELETE" ? z.null() : ok, init);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    if (after) after();
    else router.refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      {error ? <Alert>{error}</Alert> : null}
      <section aria-labelledby="versions-heading" className="flex flex-col gap-2">
        <h2 id="versions-heading" className="font-medium">
          Versions
        </h2>
        <ol className="flex flex-col gap-2">
          {versions.map((version) => (
            <li key={version.id} data-testid="assistant-version" data-version={version.version} className="flex items-start justify-between gap-2 rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
              <span className="min-w-0">
                <span className="font-medium">Version {version.version}</span>
                {version.version === assistant.currentVersion ? <span className="ml-1 text-xs text-zinc-500">(current)</span> : null}
                <span className="block text-xs text-zinc-500">
                  <LocalTime iso={version.createdAt} />
                </span>
                <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">{version.instructionsPreview || "No instructions"}</span>
              </span>
              {version.version !== assistant.currentVersion ? (
                <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => call(`/api/assistants/${assistant.id}/versions/${version.id}/restore`, { method: "POST" })} aria-label={`Restore version ${version.version}`}>
                  Restore
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="font-medium">Share and back up</h2>
        <a href={`/api/assistants/${assistant.id}/export`} download className="self-start rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
          Export as JSON
        </a>
        {isAdmin && assistant.visibility === "organisation" ? (
          <Button variant="secondary" className="self-start" onClick={() => call(`/api/assistants/${assistant.id}/feature`, { method: "PUT", body: JSON.stringify({ featured: !assistant.featured }) })}>
            {assistant.featured ? "Stop featuring" : "Feature in the gallery"}
          </Button>
        ) : null}
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="font-medium">Delete</h2>
        <p className="text-xs text-zinc-500">Conversations with it stay readable.</p>
        {confirmDelete ? (
          <div className="flex gap-2">
            <Button variant="danger" onClick={() => call(`/api/assistants/${assistant.id}`, { method: "DELETE" }, () => router.push("/assistants"))}>
              Delete “{assistant.name}”
            </Button>
            <Button variant="secondary" onClick={() => setConfirmDelete(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button variant="danger" className="self-start" onClick={() => setConfirmDelete(true)}>
            Delete…
          </Button>
        )}
      </section>
    </div>
  );
}
