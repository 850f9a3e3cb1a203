"use client";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { Alert } from "@/components/ui/alert";

/** Import an exported assistant (JSON file); it arrives as a private assistant of the importer. */
export function ImportAssistant() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setError("That file is not JSON. Choose a file exported from Switchboard.");
      return;
    }
    const result = await fetchJson("/api/assistants/import", z.object({ assistant: z.object({ id: z.string() }).loose() }), {
      method: "POST",
      body: JSON.stringify(data),
    });
    if (!result.ok) {
      setError(`Import failed: ${result.message}`);
      return;
    }
    router.push(`/assistants/${result.data.assistant.id}/edit`);
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="import-assistant" className="text-sm font-medium">
        Import from a file
      </label>
      <input id="import-assistant" type="file" accept="application/json,.json" onChange={onFile} className="text-sm" />
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
