"use client";
// The model a conversation uses, chosen from the models admins enabled. "Default" is a choice of its
// own: the server resolves it when the message is sent, so an admin's change of default applies to a
// page left open. Next to it: which model wrote the last answer.
import { useId } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ModelOption } from "@/lib/types/chat";

/** The picker's value for "the instance's default, whichever it is when the message is sent". */
export const DEFAULT_MODEL_VALUE = "";

type Props = {
  models: ModelOption[];
  /** A model id, or DEFAULT_MODEL_VALUE. */
  value: string;
  disabled: boolean;
  onChange: (id: string) => void;
  /** The model that wrote the last answer, when there is one. */
  answeredBy?: string | null;
};

export function ModelPicker({ models, value, disabled, onChange, answeredBy }: Props) {
  const id = useId();
  const hydrated = useHydrated();
  const showEndpoint = new Set(models.map((model) => model.endpointName)).size > 1;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
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
        <option value={DEFAULT_MODEL_VALUE}>Default</option>
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label}
            {showEndpoint ? ` (${model.endpointName})` : ""}
            {model.isDefault ? " · default" : ""}
          </option>
        ))}
      </select>
      {answeredBy ? (
        <span className="truncate text-xs text-zinc-500" data-testid="answered-by">
          Last answer: {answeredBy}
        </span>
      ) : null}
    </div>
  );
}
