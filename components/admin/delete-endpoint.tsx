"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function DeleteEndpoint({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    const result = await fetchJson(`/api/admin/endpoints/${id}`, z.null(), { method: "DELETE" });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.push("/admin/endpoints");
    router.refresh();
  }

  return (
    <section className="flex flex-col gap-2 rounded-lg border border-red-200 p-4 dark:border-red-900" aria-labelledby="delete-heading">
      <h2 id="delete-heading" className="font-medium">
        Delete endpoint
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Its models disappear from the model picker. Existing conversations stay readable.</p>
      {error ? <Alert>{error}</Alert> : null}
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="danger" onClick={remove}>
            Delete “{name}”
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button variant="danger" className="self-start" onClick={() => setConfirming(true)}>
          Delete…
        </Button>
      )}
    </section>
  );
}
