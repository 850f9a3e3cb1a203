"use client";
// The chat's small requests besides the stream itself, and turning errors into sentences.
import { z } from "zod";
import type { ChatUIMessage, FeedbackValue, MessagePageView } from "@/lib/types/chat";

const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

/**
 * The sentence to show for a failed turn. Stream errors already carry it; a refused request (409,
 * 422...) carries our JSON error body as its message; a network failure gets a sentence of our own.
 */
export function errorSentence(error: Error): string {
  const text = error.message.trim();
  if (text.startsWith("{")) {
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data.error.message;
    } catch {
      // Not JSON after all: fall through.
    }
  }
  if (!text || error.name === "TypeError" || /failed to fetch|networkerror|load failed/i.test(text)) {
    return "The connection to Switchboard was lost. Reload the page to see whether the answer arrived, or try again.";
  }
  return text;
}

/** Asks the server to stop the conversation's running answer (it saves what was written so far). */
export async function requestStop(conversationId: string): Promise<void> {
  try {
    await fetch(`/api/chat/${conversationId}/stop`, { method: "POST" });
  } catch {
    // The local stream is stopped anyway; the server finishes and saves the answer.
  }
}

/** Remembers the model picked for a conversation (null: the default). Returns an error sentence, or null. */
export async function saveModelChoice(conversationId: string, modelId: string | null): Promise<string | null> {
  try {
    const res = await fetch(`/api/conversations/${conversationId}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ modelId }),
    });
    if (res.ok) return null;
    const parsed = errorBodySchema.safeParse(await res.json().catch(() => null));
    return parsed.success ? parsed.data.error.message : `The server answered ${res.status}.`;
  } catch {
    return "Could not reach Switchboard. Check your connection and try again.";
  }
}

/** Saves (or, with null, takes back) the vote on an answer. Returns an error sentence, or null. */
export async function saveFeedback(messageId: string, value: FeedbackValue | null): Promise<string | null> {
  try {
    const res = await fetch(`/api/messages/${messageId}/feedback`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ value }),
    });
    if (res.ok) return null;
    const parsed = errorBodySchema.safeParse(await res.json().catch(() => null));
    return parsed.success ? parsed.data.error.message : `The server answered ${res.status}.`;
  } catch {
    return "Could not reach Switchboard. Check your connection and try again.";
  }
}

const shownMessagesSchema = z.object({
  conversation: z.object({
    messages: z.array(
      z.looseObject({
        id: z.string(),
        role: z.enum(["user", "assistant"]),
        parts: z.array(z.looseObject({ type: z.string() })),
        metadata: z.looseObject({ siblingIds: z.array(z.string()).optional() }).optional(),
      }),
    ),
  }),
});

/**
 * Shows another version of an edited question or a regenerated answer (the server remembers the
 * choice). Returns the messages now shown, or an error sentence.
 */
export async function chooseBranch(conversationId: string, messageId: string): Promise<{ messages: ChatUIMessage[] } | { error: string }> {
  try {
    const res = await fetch(`/api/conversations/${conversationId}/branch`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ messageId }),
    });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(body);
      return { error: parsed.success ? parsed.data.error.message : `The server answered ${res.status}.` };
    }
    const parsed = shownMessagesSchema.safeParse(body);
    // The parts are the server's own stored parts (lib/chat/parts.ts validated them when read back).
    return parsed.success ? { messages: parsed.data.conversation.messages as ChatUIMessage[] } : { error: "The server's answer could not be read. Reload the page." };
  } catch {
    return { error: "Could not reach Switchboard. Check your connection and try again." };
  }
}

const pageSchema = z.object({
  messages: z.array(z.object({ id: z.string(), role: z.enum(["user", "assistant"]), parts: z.array(z.looseObject({ type: z.string() })), metadata: z.looseObject({}).optional() })),
  hasOlder: z.boolean(),
});

/**
 * A page of a conversation's messages: the ones before `before`, or the latest. Throws an Error
 * whose message is a sentence to show. The parts were validated by the server when read back.
 */
export async function fetchMessagePage(conversationId: string, before: string | null): Promise<MessagePageView> {
  let res: Response;
  try {
    res = await fetch(`/api/conversations/${conversationId}/messages${before ? `?before=${encodeURIComponent(before)}` : ""}`);
  } catch {
    throw new Error("Could not reach Switchboard. Check your connection and try again.");
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(body);
    throw new Error(parsed.success ? parsed.data.error.message : `The server answered ${res.status}. Try again.`);
  }
  const parsed = pageSchema.safeParse(body);
  if (!parsed.success) throw new Error("The server sent an unexpected answer. Reload the page.");
  return parsed.data as MessagePageView;
}
