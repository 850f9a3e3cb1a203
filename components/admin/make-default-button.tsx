"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { Button } from "@/components/ui/button";

export function MakeDefaultButton({ modelId, name }: { modelId: string; name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="flex items-center gap-2">
      {error ? <span role="alert" className="text-sm text-red-600">{error}</span> : null}
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`Make ${name} the default`}
        onClick={async () => {
          setPending(true);
          const result = await fetchJson(`/api/admin/models/${modelId}`, z.object({}).loose(), {
            method: "PATCH",
            body: JSON.stringify({ isDefault: true }),
          });
          setPending(false);
          if (!result.ok) setError(result.message);
          router.refresh();
        }}
      >
        Make default
      </Button>
    </span>
  );
}
