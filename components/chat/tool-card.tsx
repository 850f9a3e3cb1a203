"use client";
// One tool call in an answer: the tool's name and where the call stands, and, expanded, its
// arguments and its result or error. Actions that can change data wait here for Approve / Deny.
// Everything shown is text (JSON in <pre>), never HTML.
import { Check, ChevronRight, LoaderCircle, ShieldQuestion, Wrench, X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import { toolNameOf, type ChatToolPart } from "@/lib/types/chat";

type Props = {
  part: ChatToolPart | { type: `tool-${string}`; toolCallId: string; state: "input-streaming"; input?: unknown };
  /** The answer is still streaming (a call without a result is running, not broken). */
  streaming: boolean;
  /** Set when the user may answer an approval request now. */
  onAnswer?: (approvalId: string, approved: boolean) => void;
};

function describeState(part: Props["part"], streaming: boolean): { label: string; tone: "busy" | "ok" | "error" | "ask" | "muted" } {
  switch (part.state) {
    case "input-streaming":
    case "input-available":
      return streaming ? { label: "Running…", tone: "busy" } : { label: "Did not finish", tone: "error" };
    case "approval-requested":
      return streaming ? { label: "Waiting for approval", tone: "ask" } : { label: "Needs your approval", tone: "ask" };
    case "approval-responded":
      if (!part.approval.approved) return { label: "Denied", tone: "muted" };
      return streaming ? { label: "Approved, running…", tone: "busy" } : { label: "Did not finish", tone: "error" };
    case "output-available":
      return { label: "Done", tone: "ok" };
    case "output-error":
      return { label: "Failed", tone: "error" };
    case "output-denied":
      return { label: "Denied", tone: "muted" };
  }
}

/** Tool output as readable text: the data a tool brought back, JSON pretty-printed. */
export function formatToolValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "tool_data") {
    const data = value as { content?: unknown; note?: unknown };
    const content = typeof data.content === "string" ? data.content : "";
    try {
      return JSON.stringify(JSON.parse(content), null, 2);
    } catch {
      return content;
    }
  }
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

const TONES = {
  busy: "text-zinc-600 dark:text-zinc-300",
  ok: "text-emerald-700 dark:text-emerald-400",
  error: "text-red-700 dark:text-red-400",
  ask: "text-amber-700 dark:text-amber-400",
  muted: "text-zinc-500",
} as const;

export function ToolCard({ part, streaming, onAnswer }: Props) {
  const name = toolNameOf(part);
  const state = describeState(part, streaming);
  const asking = part.state === "approval-requested";
  // Open by default while it needs attention (a question, an error), until the user toggles it.
  const [toggled, setOpen] = useState<boolean | null>(null);
  const open = toggled ?? (part.state === "output-error" || asking);
  const [answered, setAnswered] = useState(false);
  const bodyId = useId();
  const input = "input" in part ? part.input : undefined;
  const deniedReason = part.state === "output-denied" || (part.state === "approval-responded" && !part.approval.approved) ? part.approval.reason : undefined;

  function answer(approved: boolean) {
    if (!asking || !onAnswer || answered) return;
    setAnswered(true);
    onAnswer(part.approval.id, approved);
  }

  return (
    <div
      role="group"
      aria-label={`Tool call: ${name}`}
      data-testid="tool-card"
      data-tool={name}
      data-state={part.state}
      className="rounded-lg border border-zinc-200 text-sm dark:border-zinc-800"
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left hover:bg-zinc-50 dark:hover:bg-zinc-900"
      >
        <ChevronRight className={cn("size-4 shrink-0 transition-transform", open && "rotate-90")} aria-hidden />
        <Wrench className="size-4 shrink-0 text-zinc-500" aria-hidden />
        <span className="truncate font-mono">{name}</span>
        <span className={cn("ml-auto flex shrink-0 items-center gap-1 text-xs", TONES[state.tone])} data-testid="tool-state">
          {state.tone === "busy" ? <LoaderCircle className="size-3.5 animate-spin" aria-hidden /> : null}
          {state.label}
        </span>
      </button>
      {open ? (
        <div id={bodyId} className="flex flex-col gap-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <div>
            <p className="text-xs font-medium text-zinc-500">Arguments</p>
            <pre className="mt-1 max-h-60 overflow-auto rounded bg-zinc-50 p-2 text-xs whitespace-pre-wrap break-words dark:bg-zinc-900" data-testid="tool-input">
              {formatToolValue(input ?? {})}
            </pre>
          </div>
          {part.state === "output-available" ? (
            <div>
              <p className="text-xs font-medium text-zinc-500">Result</p>
              <pre className="mt-1 max-h-80 overflow-auto rounded bg-zinc-50 p-2 text-xs whitespace-pre-wrap break-words dark:bg-zinc-900" data-testid="tool-output">
                {formatToolValue(part.output)}
              </pre>
            </div>
          ) : null}
          {part.state === "output-error" ? (
            <p className="rounded border border-red-300 bg-red-50 px-2 py-1 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="tool-error">
              {part.errorText}
            </p>
          ) : null}
          {deniedReason ? <p className="text-zinc-500">{deniedReason}</p> : null}
        </div>
      ) : null}
      {asking && onAnswer ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <ShieldQuestion className="size-4 text-amber-600" aria-hidden />
          <span className="mr-auto text-zinc-600 dark:text-zinc-300">This action can change data. Run it with these arguments?</span>
          <Button variant="secondary" className="px-3 py-1 text-xs" onClick={() => answer(true)} disabled={answered}>
            <Check className="size-3.5" aria-hidden />
            Approve
          </Button>
          <Button variant="ghost" className="px-3 py-1 text-xs" onClick={() => answer(false)} disabled={answered}>
            <X className="size-3.5" aria-hidden />
            Deny
          </Button>
        </div>
      ) : null}
    </div>
  );
}
