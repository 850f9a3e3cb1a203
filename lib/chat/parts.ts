import "server-only";
// Message parts as stored in Message.parts (JSON): validated when read back, trimmed to what
// Switchboard renders when written. A part that no longer validates is dropped, not the message.
import { z } from "zod";
import type { ChatPart, ChatToolPart } from "@/lib/types/chat";

const textPartSchema = z.object({ type: z.literal("text"), text: z.string() });
const reasoningPartSchema = z.object({ type: z.literal("reasoning"), text: z.string() });
const stepStartPartSchema = z.object({ type: z.literal("step-start") });

const TOOL_STATES = ["input-available", "approval-requested", "approval-responded", "output-available", "output-error", "output-denied"] as const;
const toolPartSchema = z.object({
  type: z.templateLiteral(["tool-", z.string().min(1).max(64)]),
  toolCallId: z.string().min(1).max(200),
  state: z.enum(TOOL_STATES),
  input: z.unknown(),
  output: z.unknown().optional(),
  errorText: z.string().optional(),
  approval: z.object({ id: z.string().max(200), approved: z.boolean().optional(), reason: z.string().optional() }).optional(),
});

export const storedPartSchema = z.union([z.discriminatedUnion("type", [textPartSchema, reasoningPartSchema, stepStartPartSchema]), toolPartSchema]);

function plainPart(item: unknown): ChatPart | null {
  if (typeof item !== "object" || item === null) return null;
  const { type, text } = item as { type?: unknown; text?: unknown };
  if ((type === "text" || type === "reasoning") && typeof text === "string") return { type, text };
  if (type === "step-start") return { type };
  return null;
}

/** Parses the JSON column; invalid parts (or a non-array) are dropped. */
export function parseStoredParts(value: unknown): ChatPart[] {
  if (!Array.isArray(value)) return [];
  const parts: ChatPart[] = [];
  for (const item of value) {
    // Fast path for the parts nearly every message is made of (a history is read on every turn);
    // it accepts exactly what the schema would, and returns the same stripped shape.
    const plain = plainPart(item);
    if (plain) {
      parts.push(plain);
      continue;
    }
    const parsed = storedPartSchema.safeParse(item);
    if (parsed.success) parts.push(parsed.data as ChatPart);
  }
  return parts;
}

/** What a tool call that never finished says, in the chat and to the model. */
export const UNFINISHED_TOOL_CALL = "The tool call did not finish: the answer ended before it returned.";

type StreamedToolPart = {
  type: string;
  toolCallId?: unknown;
  state?: unknown;
  input?: unknown;
  output?: unknown;
  errorText?: unknown;
  approval?: { id?: unknown; approved?: unknown; reason?: unknown };
};

/** A streamed tool part as stored: no provider metadata; a call cut off mid-input is kept as an error. */
function storableToolPart(part: StreamedToolPart): ChatToolPart | null {
  if (typeof part.toolCallId !== "string") return null;
  const state = part.state === "input-streaming" ? "output-error" : part.state;
  if (typeof state !== "string" || !(TOOL_STATES as readonly string[]).includes(state)) return null;
  const stored: Record<string, unknown> = { type: part.type, toolCallId: part.toolCallId, state, input: part.input ?? {} };
  if (part.state === "input-streaming") stored.errorText = UNFINISHED_TOOL_CALL;
  else if (state === "output-available") stored.output = part.output ?? null;
  else if (state === "output-error") stored.errorText = typeof part.errorText === "string" ? part.errorText : "The tool failed.";
  const approval = part.approval;
  if (approval && typeof approval.id === "string") {
    stored.approval = {
      id: approval.id,
      ...(typeof approval.approved === "boolean" ? { approved: approval.approved } : {}),
      ...(typeof approval.reason === "string" ? { reason: approval.reason } : {}),
    };
  }
  const parsed = toolPartSchema.safeParse(stored);
  return parsed.success ? (parsed.data as ChatToolPart) : null;
}

/**
 * What is kept of a streamed message: text and reasoning (without streaming state or provider
 * metadata), step boundaries, and tool calls with their results. Anything else is not stored.
 */
export function toStorableParts(parts: ReadonlyArray<{ type: string }>): ChatPart[] {
  const kept: ChatPart[] = [];
  for (const part of parts) {
    if (part.type === "step-start") {
      kept.push({ type: "step-start" });
      continue;
    }
    if (part.type.startsWith("tool-")) {
      const tool = storableToolPart(part);
      if (tool) kept.push(tool);
      continue;
    }
    if (part.type !== "text" && part.type !== "reasoning") continue;
    const text = "text" in part && typeof part.text === "string" ? part.text : "";
    if (text) kept.push({ type: part.type, text });
  }
  return kept;
}

/** The visible answer text of a message. */
export function partsText(parts: ReadonlyArray<ChatPart>): string {
  return parts
    .filter((part) => part.type === "text")
    .map((part) => part.text)
    .join("");
}

/**
 * What full-text search reads for a message (Message.searchText): its text parts, one per line;
 * null when there is none (a placeholder, or an answer that failed before any text).
 */
export function searchTextOf(parts: ReadonlyArray<ChatPart>): string | null {
  const text = parts
    .filter((part) => part.type === "text")
    .map((part) => part.text)
    .join("\n");
  return text.trim() ? text : null;
}
