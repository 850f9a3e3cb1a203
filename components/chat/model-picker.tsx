"use client";
// The model a conversation uses, chosen from the models admins enabled.
import { useId } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ModelOption } from "@/lib/types/chat";

export function ModelPicker({ models, value, disabled, onChange }: { models: ModelOption[]; value: string; disabled: boolean; onChange: (id: string) => void }) {
  const id = useId();
  const hydrated = useHydrated();
  const showEndpoint = new Set(models.map((model) => model.endpointName)).size > 1;
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="text-sm text-zinc-500">
        Model
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled || !hydrated}
        onChange={(event) => onChange(event.target.value)}
        className="min-w-0 max-w-64 truncate rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label}
            {showEndpoint ? ` (${model.endpointName})` : ""}
            {model.isDefault ? " · default" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
