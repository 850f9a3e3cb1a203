import "server-only";
// Message parts as stored in Message.parts (JSON): validated when read back, trimmed to what
// Switchboard renders when written. A part that no longer validates is dropped, not the message.
import { z } from "zod";
import type { ChatPart } from "@/lib/types/chat";

const textPartSchema = z.object({ type: z.literal("text"), text: z.string() });
const reasoningPartSchema = z.object({ type: z.literal("reasoning"), text: z.string() });
const stepStartPartSchema = z.object({ type: z.literal("step-start") });

export const storedPartSchema = z.discriminatedUnion("type", [textPartSchema, reasoningPartSchema, stepStartPartSchema]);

/** Parses the JSON column; invalid parts (or a non-array) are dropped. */
export function parseStoredParts(value: unknown): ChatPart[] {
  if (!Array.isArray(value)) return [];
  const parts: ChatPart[] = [];
  for (const item of value) {
    const parsed = storedPartSchema.safeParse(item);
    if (parsed.success) parts.push(parsed.data);
  }
  return parts;
}

/**
 * What is kept of a streamed message: text and reasoning (without streaming state or provider
 * metadata) and step boundaries. Anything else the SDK produced is not stored yet.
 */
export function toStorableParts(parts: ReadonlyArray<{ type: string }>): ChatPart[] {
  const kept: ChatPart[] = [];
  for (const part of parts) {
    if (part.type === "step-start") {
      kept.push({ type: "step-start" });
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
