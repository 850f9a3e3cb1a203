"use client";
// The assistant's actions: up to MAX_ACTIONS OpenAPI documents, each edited by an ActionEditor.
import { Plus } from "lucide-react";
import { newDraft, type ActionDraft } from "@/components/assistants/action-drafts";
import { ActionEditor } from "@/components/assistants/action-editor";
import type { ActionCheck } from "@/components/assistants/use-action-checks";
import { Button } from "@/components/ui/button";
import { MAX_ACTIONS } from "@/lib/schemas/assistants";

type Props = {
  drafts: ActionDraft[];
  checks: Record<string, ActionCheck>;
  /** Form field errors, keyed like the API's ("actions.0.spec"). */
  fields: Record<string, string>;
  disabled: boolean;
  onChange: (drafts: ActionDraft[]) => void;
  onCheck: (id: string, spec: string) => void;
};

export function ActionsSection({ drafts, checks, fields, disabled, onChange, onCheck }: Props) {
  const errorsFor = (index: number) => {
    const prefix = `actions.${index}.`;
    return Object.fromEntries(Object.entries(fields).flatMap(([key, message]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), message]] : [])));
  };
  return (
    <section aria-labelledby="actions-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="actions-heading" className="text-sm font-medium">
          Actions
        </h2>
        <p className="text-xs text-zinc-500">
          Let the assistant call an HTTP API described by an OpenAPI document. Keys are stored encrypted and never shown to the model or
          sent back to the browser.
        </p>
      </div>
      {drafts.map((draft, index) => (
        <ActionEditor
          key={draft.id}
          index={index}
          draft={draft}
          check={checks[draft.id]}
          errors={errorsFor(index)}
          disabled={disabled}
          onChange={(patch) => onChange(drafts.map((item) => (item.id === draft.id ? { ...item, ...patch } : item)))}
          onCheck={(spec) => onCheck(draft.id, spec)}
          onRemove={() => onChange(drafts.filter((item) => item.id !== draft.id))}
        />
      ))}
      {fields.actions ? <p className="text-sm text-red-600 dark:text-red-400">{fields.actions}</p> : null}
      <Button variant="secondary" className="self-start" disabled={disabled || drafts.length >= MAX_ACTIONS} onClick={() => onChange([...drafts, newDraft()])}>
        <Plus className="size-4" aria-hidden /> Add action
      </Button>
      {drafts.length >= MAX_ACTIONS ? <p className="text-xs text-zinc-500">An assistant can have at most {MAX_ACTIONS} actions.</p> : null}
    </section>
  );
}
