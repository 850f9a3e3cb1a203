import "server-only";
// A long conversation sent to a model must fit its context window. The instructions, the room for
// the answer and the latest turns are kept; the oldest messages are left out (and the conversation
// says how many). Tokens are estimated from characters: self-hosted models use many tokenizers, and
// a conservative estimate (3 characters a token, where English averages about 4) errs on the side
// of sending less rather than having the server refuse the request.
import { isToolPart, type ChatUIMessage } from "@/lib/types/chat";

/** What a turn assumes when nobody told Switchboard the model's context window. */
export const FALLBACK_CONTEXT_WINDOW = 32_768;
/** Room kept for the answer when the assistant sets no output limit (at most a quarter of the window). */
export const DEFAULT_OUTPUT_RESERVE = 4_096;
const CHARS_PER_TOKEN = 3;
/** Role markers and separators a chat template adds around each message. */
const PER_MESSAGE_TOKENS = 8;
/** A tool's name, description and JSON schema in the request. */
const PER_TOOL_TOKENS = 300;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** A message's estimated size: its text, and its tool calls' inputs and results as JSON. */
export function messageTokens(message: Pick<ChatUIMessage, "parts">): number {
  let chars = 0;
  for (const part of message.parts) {
    if (part.type === "text") chars += part.text.length;
    else if (isToolPart(part)) chars += JSON.stringify(part).length;
  }
  return Math.ceil(chars / CHARS_PER_TOKEN) + PER_MESSAGE_TOKENS;
}

export type FitOptions = {
  /** The model's context window in tokens; null when unknown (FALLBACK_CONTEXT_WINDOW). */
  contextWindow: number | null;
  instructions?: string | null;
  maxOutputTokens?: number | null;
  toolCount?: number;
};

/** Tokens the history may use: the window less the answer's room, the instructions and the tools. */
export function historyBudget(options: FitOptions): number {
  const window = options.contextWindow ?? FALLBACK_CONTEXT_WINDOW;
  const output = options.maxOutputTokens ?? Math.min(DEFAULT_OUTPUT_RESERVE, Math.floor(window / 4));
  return window - output - estimateTokens(options.instructions ?? "") - (options.toolCount ?? 0) * PER_TOOL_TOKENS;
}

/**
 * The latest messages that fit the budget (oldest first), and how many older ones were left out.
 * The last message (the question, or the answer being continued) is always sent; the history sent
 * starts with a user message, as chat templates expect.
 */
export function fitHistory(history: ReadonlyArray<ChatUIMessage>, options: FitOptions): { history: ChatUIMessage[]; omitted: number } {
  const budget = historyBudget(options);
  let start = history.length;
  let used = 0;
  while (start > 0) {
    const message = history[start - 1];
    if (!message) break;
    const size = messageTokens(message);
    if (start < history.length && used + size > budget) break;
    used += size;
    start -= 1;
  }
  while (start < history.length - 1 && history[start]?.role !== "user") start += 1;
  return { history: history.slice(start), omitted: start };
}
