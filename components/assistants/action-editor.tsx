"use client";
// One action in the builder: its OpenAPI document (checked as it is pasted, or on demand), how it
// authenticates, and its key, which is write-only: a stored key is only ever reported as stored.
import { useEffect, useEffectEvent, useId } from "react";
import { AUTH_CHOICES, type ActionDraft, type AuthChoice } from "@/components/assistants/action-drafts";
import { ActionOperations } from "@/components/assistants/action-operations";
import type { ActionCheck } from "@/components/assistants/use-action-checks";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

const CHECK_DELAY_MS = 700;
const inputClass = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

type Props = {
  index: number;
  draft: ActionDraft;
  check: ActionCheck | undefined;
  /** Field errors keyed like the API's ("spec", "auth.name", "secret"). */
  errors: Record<string, string | undefined>;
  disabled: boolean;
  onChange: (patch: Partial<ActionDraft>) => void;
  onCheck: (spec: string) => void;
  onRemove: () => void;
};

export function ActionEditor({ index, draft, check, errors, disabled, onChange, onCheck, onRemove }: Props) {
  const id = useId();
  const runCheck = useEffectEvent((spec: string) => onCheck(spec));
  // Checked a moment after the text stops changing (and once for a saved action when the page opens).
  useEffect(() => {
    const timer = setTimeout(() => runCheck(draft.spec), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft.spec]);

  const usesKey = draft.auth !== "none";
  const specError = errors.spec;
  const keyHint = draft.hasSecret
    ? draft.clearSecret
      ? "The stored key will be removed when you save."
      : "A key is stored. Leave blank to keep the stored key."
    : "Stored encrypted; it is never shown again. Without one, calls will fail until it is set.";

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid="action-editor">
      <legend className="px-1 text-sm font-medium">Action {index + 1}</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-spec`} className="text-sm font-medium">
          OpenAPI document
        </label>
        <textarea
          id={`${id}-spec`}
          rows={8}
          value={draft.spec}
          onChange={(event) => onChange({ spec: event.target.value })}
          disabled={disabled}
          spellCheck={false}
          aria-invalid={specError ? true : undefined}
          aria-describedby={specError ? `${id}-spec-error` : `${id}-spec-help`}
          placeholder="Paste an OpenAPI 3.0 or 3.1 document (JSON or YAML) with a servers entry and an operationId on each operation."
          className={`${inputClass} font-mono text-xs`}
        />
        <p id={`${id}-spec-help`} className="text-xs text-zinc-500">
          Each operation with an operationId becomes a tool. Anything but GET asks the user before it runs.
        </p>
        {specError ? (
          <p id={`${id}-spec-error`} className="text-sm text-red-600 dark:text-red-400">
            {specError}
          </p>
        ) : null}
        <ActionOperations check={check?.spec === draft.spec ? check : undefined} errorId={`${id}-document-error`} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-auth`} className="text-sm font-medium">
            Authentication
          </label>
          <select
            id={`${id}-auth`}
            value={draft.auth}
            onChange={(event) => onChange({ auth: event.target.value as AuthChoice })}
            disabled={disabled}
            className={inputClass}
          >
            {AUTH_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        {draft.auth === "api_key_header" || draft.auth === "api_key_query" ? (
          <TextField
            label={draft.auth === "api_key_header" ? "Header name" : "Query parameter name"}
            value={draft.keyName}
            onChange={(event) => onChange({ keyName: event.target.value })}
            disabled={disabled}
            placeholder={draft.auth === "api_key_header" ? "X-API-Key" : "api_key"}
            error={errors["auth.name"]}
          />
        ) : null}
      </div>
      {usesKey ? (
        <div className="flex flex-col gap-1">
          <TextField
            label="API key or token"
            type="password"
            autoComplete="off"
            value={draft.secret}
            onChange={(event) => onChange({ secret: event.target.value })}
            disabled={disabled || draft.clearSecret}
            hint={keyHint}
            error={errors.secret}
          />
          {draft.hasSecret ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={draft.clearSecret} disabled={disabled} onChange={(event) => onChange({ clearSecret: event.target.checked, secret: "" })} />
              Remove the stored key
            </label>
          ) : null}
        </div>
      ) : draft.hasSecret ? (
        <p className="text-xs text-zinc-500">The stored key will be removed when you save, as this action no longer authenticates.</p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={draft.allowApiWithoutApproval}
            disabled={disabled}
            onChange={(event) => onChange({ allowApiWithoutApproval: event.target.checked })}
            aria-describedby={`${id}-api-approval-help`}
          />
          Through the API, run operations without approval
        </label>
        <p id={`${id}-api-approval-help`} className="text-xs text-zinc-500">
          In the browser, anything but GET asks the user first; an API client has no one to ask, so these operations run only if this is ticked.
        </p>
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={disabled || !draft.spec.trim() || check?.state === "checking"} onClick={() => onCheck(draft.spec)}>
          Check document
        </Button>
        <Button variant="ghost" disabled={disabled} onClick={onRemove}>
          Remove action
        </Button>
      </div>
    </fieldset>
  );
}
