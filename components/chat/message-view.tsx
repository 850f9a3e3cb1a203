"use client";
// One message. User text is shown as typed (plain text); assistant text is rendered as inert
// Markdown. A failed turn shows its sentence where the answer would be, with Retry.
import { RotateCcw } from "lucide-react";
import type { ReactNode } from "react";
import { AssistantAvatar } from "@/components/assistants/assistant-avatar";
import { Markdown } from "@/components/chat/markdown";
import { ToolCard } from "@/components/chat/tool-card";
import { Button } from "@/components/ui/button";
import type { AssistantConfig } from "@/lib/schemas/assistants";
import type { ChatToolPart, ChatUIMessage } from "@/lib/types/chat";

/** The assistant (custom GPT) a conversation talks to, shown on each of its answers. */
export type Speaker = { name: string; avatar: AssistantConfig["avatar"] };

type Block = { kind: "text"; text: string } | { kind: "tool"; part: ChatToolPart };

/** The answer as it reads: consecutive text joined, tool calls in between, in order. */
function blocksOf(parts: ChatUIMessage["parts"]): Block[] {
  const blocks: Block[] = [];
  for (const part of parts) {
    if (part.type === "text") {
      const last = blocks.at(-1);
      if (last?.kind === "text") last.text += part.text;
      else blocks.push({ kind: "text", text: part.text });
    } else if (part.type.startsWith("tool-")) {
      blocks.push({ kind: "tool", part: part as ChatToolPart });
    }
  }
  return blocks.filter((block) => block.kind === "tool" || block.text);
}

export function messageText(message: Pick<ChatUIMessage, "parts">): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

export function UserMessage({ message, actions }: { message: ChatUIMessage; actions?: ReactNode }) {
  return (
    <div data-role="user" data-message-id={message.id} className="flex flex-col items-end gap-1">
      <div className="max-w-[85%] rounded-2xl bg-zinc-100 px-4 py-2 whitespace-pre-wrap break-words dark:bg-zinc-800">{messageText(message)}</div>
      {actions}
    </div>
  );
}

export function ErrorNotice({ sentence, onRetry, canRetry }: { sentence: string; onRetry: () => void; canRetry: boolean }) {
  return (
    <div className="flex flex-col items-start gap-2">
      <p
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      >
        {sentence}
      </p>
      {canRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          <RotateCcw className="size-4" aria-hidden />
          Retry
        </Button>
      ) : null}
    </div>
  );
}

type AssistantProps = {
  message: ChatUIMessage | null;
  streaming: boolean;
  /** A note under the answer, e.g. "Stopped". */
  note?: string | null;
  /** Error sentence shown where the answer would be. */
  error?: ReactNode;
  actions?: ReactNode;
  /** The assistant that answers, when the conversation has one. */
  speaker?: Speaker | null;
  /** Answers a tool approval request; absent when the user can't answer now. */
  onApproval?: (approvalId: string, approved: boolean) => void;
};

export function AssistantMessage({ message, streaming, note, error, actions, speaker, onApproval }: AssistantProps) {
  const parts = message?.parts ?? [];
  const blocks = blocksOf(parts);
  const reasoning = parts.map((part) => (part.type === "reasoning" ? part.text : "")).join("");
  const lastBlock = blocks.at(-1);
  // "Thinking…" until something shows, and again while a finished tool call waits for the model.
  const waiting = streaming && !reasoning && (blocks.length === 0 || (lastBlock?.kind === "tool" && lastBlock.part.state !== "input-available" && lastBlock.part.state !== "approval-requested"));
  return (
    <div data-role="assistant" data-message-id={message?.id} className="flex flex-col gap-2" aria-busy={streaming || undefined}>
      {speaker ? (
        <p className="flex items-center gap-2 text-sm font-medium" data-testid="message-speaker">
          <AssistantAvatar avatar={speaker.avatar} size="sm" />
          {speaker.name}
        </p>
      ) : null}
      {reasoning ? (
        <details className="text-sm text-zinc-500">
          <summary className="cursor-pointer select-none">Reasoning</summary>
          <p className="mt-1 whitespace-pre-wrap">{reasoning}</p>
        </details>
      ) : null}
      {blocks.map((block, index) =>
        block.kind === "text" ? (
          <Markdown key={`text-${index}`} text={block.text} streaming={streaming && index === blocks.length - 1} />
        ) : (
          <ToolCard key={block.part.toolCallId} part={block.part} streaming={streaming} onAnswer={onApproval} />
        ),
      )}
      {waiting ? (
        <p className="flex items-center gap-2 text-sm text-zinc-500" role="status">
          <span className="size-2 animate-pulse rounded-full bg-zinc-400" aria-hidden />
          Thinking…
        </p>
      ) : null}
      {error}
      {note || message?.metadata?.modelName ? (
        <p className="text-xs text-zinc-500">
          {[note, message?.metadata?.modelName].filter(Boolean).join(" · ")}
        </p>
      ) : null}
      {actions}
    </div>
  );
}
