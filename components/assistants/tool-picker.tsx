"use client";
// The built-in tools an assistant may use: one checkbox each, labelled by the tool's name.
import { useId } from "react";
import type { ToolOption } from "@/lib/types/assistants";

type Props = { tools: readonly ToolOption[]; enabled: readonly string[]; disabled: boolean; error?: string; onChange: (enabled: string[]) => void };

export function ToolPicker({ tools, enabled, disabled, error, onChange }: Props) {
  const id = useId();
  function toggle(toolId: string, on: boolean) {
    // Kept in the registry's order, so saving twice never reads as a change.
    onChange(tools.filter((tool) => (tool.id === toolId ? on : enabled.includes(tool.id))).map((tool) => tool.id));
  }
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">Tools</legend>
      {tools.map((tool) => (
        <div key={tool.id} className="flex items-start gap-2 text-sm">
          <input
            id={`${id}-${tool.id}`}
            type="checkbox"
            className="mt-0.5 size-4"
            checked={enabled.includes(tool.id)}
            disabled={disabled}
            onChange={(event) => toggle(tool.id, event.target.checked)}
            aria-describedby={`${id}-${tool.id}-description`}
          />
          <div className="flex flex-col">
            <label htmlFor={`${id}-${tool.id}`} className="font-medium">
              {tool.label}
            </label>
            <span id={`${id}-${tool.id}-description`} className="text-xs text-zinc-500">
              {tool.description}
            </span>
          </div>
        </div>
      ))}
      {error ? <p className="text-sm text-red-600 dark:text-red-400">{error}</p> : null}
    </fieldset>
  );
}
