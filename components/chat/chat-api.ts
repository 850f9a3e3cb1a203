"use client";
// The chat's small requests besides the stream itself, and turning errors into sentences.
import { z } from "zod";
import type { ChatUIMessage, FeedbackValue, MessagePageView } from "@/lib/types/chat";
import { CLIENT_SENTENCES, fetchJson, sentenceOfErrorText, unwrap } from "@/lib/utils/fetch-json";

/**
 * The sentence to show for a failed turn. Stream errors already carry it; a refused request (409,
 * 422...) carries our JSON error body as its message; a network failure gets a sentence of our own.
 */
export function errorSentence(error: Error): string {
  const text = error.message.trim();
  const sentence = sentenceOfErrorText(text);
  if (sentence) return sentence;
  if (!text || error.name === "TypeError" || /failed to fetch|networkerror|load failed/i.test(text)) return CLIENT_SENTENCES.connectionLost;
  return text;
}

/** Asks the server to stop the conversation's running answer (it saves what was written so far). */
export async function requestStop(conversationId: string): Promise<void> {
  // Whatever the answer, the local stream is stopped; the server finishes and saves the answer.
  await fetchJson(`/api/chat/${conversationId}/stop`, z.unknown(), { method: "POST" });
}

/** Remembers the model picked for a conversation (null: the default). Returns an error sentence, or null. */
export async function saveModelChoice(conversationId: string, modelId: string | null): Promise<string | null> {
  const result = await fetchJson(`/api/conversations/${conversationId}`, z.unknown(), { method: "PATCH", body: JSON.stringify({ modelId }) });
  return result.ok ? null : result.message;
}

/** Saves (or, with null, takes back) the vote on an answer. Returns an error sentence, or null. */
export async function saveFeedback(messageId: string, value: FeedbackValue | null): Promise<string | null> {
  const result = await fetchJson(`/api/messages/${messageId}/feedback`, z.unknown(), { method: "PUT", body: JSON.stringify({ value }) });
  return result.ok ? null : result.message;
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
  const result = await fetchJson(`/api/conversations/${conversationId}/branch`, shownMessagesSchema, { method: "POST", body: JSON.stringify({ messageId }) });
  // The parts are the server's own stored parts (lib/chat/parts.ts validated them when read back).
  return result.ok ? { messages: result.data.conversation.messages as ChatUIMessage[] } : { error: result.message };
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
  const url = `/api/conversations/${conversationId}/messages${before ? `?before=${encodeURIComponent(before)}` : ""}`;
  return unwrap(await fetchJson(url, pageSchema)) as MessagePageView;
}
