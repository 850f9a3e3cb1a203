"use client";
// The small buttons under a message: Copy (any message), Good answer / Bad answer (answers; one
// vote, pressing it again takes it back), Edit (questions), and "‹ 2/3 ›" between the versions of an
// edited question or a regenerated answer.
import { Check, ChevronLeft, ChevronRight, Copy, Pencil, ThumbsDown, ThumbsUp } from "lucide-react";
import { useEffect, useState, type ReactNode } from "react";
import { saveFeedback } from "@/components/chat/chat-api";
import type { FeedbackValue } from "@/lib/types/chat";
import { cn } from "@/lib/utils/cn";

const actionButton =
  "inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-50 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

export function ActionBar({ children, align = "start" }: { children: ReactNode; align?: "start" | "end" }) {
  return <div className={cn("flex flex-wrap items-center gap-0.5", align === "end" && "justify-end")}>{children}</div>;
}

export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <button type="button" className={actionButton} onClick={() => void copy()} aria-live="polite">
      {state === "copied" ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {state === "copied" ? "Copied" : state === "failed" ? "Could not copy" : "Copy"}
    </button>
  );
}

/** "‹ 2/3 ›": the versions of a message (`ids`, oldest first); shows nothing when there is one. */
export function BranchSwitcher({ ids, current, onSelect, disabled }: { ids: string[] | undefined; current: string; onSelect: (id: string) => void; disabled?: boolean }) {
  const index = ids ? ids.indexOf(current) : -1;
  if (!ids || ids.length < 2 || index < 0) return null;
  const previous = ids[index - 1];
  const next = ids[index + 1];
  return (
    <span role="group" aria-label="Versions" className="inline-flex items-center text-xs text-zinc-500" data-testid="versions">
      <button type="button" className={actionButton} aria-label="Previous version" title="Previous version" disabled={disabled || !previous} onClick={() => previous && onSelect(previous)}>
        <ChevronLeft className="size-3.5" aria-hidden />
      </button>
      <span className="tabular-nums" aria-label={`Version ${index + 1} of ${ids.length}`}>
        {index + 1}/{ids.length}
      </span>
      <button type="button" className={actionButton} aria-label="Next version" title="Next version" disabled={disabled || !next} onClick={() => next && onSelect(next)}>
        <ChevronRight className="size-3.5" aria-hidden />
      </button>
    </span>
  );
}

export function EditButton({ onClick, disabled }: { onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className={actionButton} onClick={onClick} disabled={disabled}>
      <Pencil className="size-3.5" aria-hidden />
      Edit
    </button>
  );
}

export function FeedbackButtons({ messageId, initial }: { messageId: string; initial: FeedbackValue | null }) {
  const [value, setValue] = useState<FeedbackValue | null>(initial);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function vote(choice: FeedbackValue) {
    const previous = value;
    const next = value === choice ? null : choice;
    setValue(next);
    setSaving(true);
    setProblem(null);
    const error = await saveFeedback(messageId, next);
    setSaving(false);
    if (error) {
      setValue(previous);
      setProblem(error);
    }
  }

  return (
    <>
      <button
        type="button"
        className={cn(actionButton, value === 1 && "text-emerald-700 dark:text-emerald-400")}
        aria-label="Good answer"
        title="Good answer"
        aria-pressed={value === 1}
        disabled={saving}
        onClick={() => void vote(1)}
      >
        <ThumbsUp className={cn("size-3.5", value === 1 && "fill-current")} aria-hidden />
      </button>
      <button
        type="button"
        className={cn(actionButton, value === -1 && "text-red-700 dark:text-red-400")}
        aria-label="Bad answer"
        title="Bad answer"
        aria-pressed={value === -1}
        disabled={saving}
        onClick={() => void vote(-1)}
      >
        <ThumbsDown className={cn("size-3.5", value === -1 && "fill-current")} aria-hidden />
      </button>
      {problem ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {problem}
        </span>
      ) : null}
    </>
  );
}
