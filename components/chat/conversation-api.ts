"use client";
// The sidebar's requests: pages of the conversation list, search, rename and delete. Each returns
// data or throws an Error whose message is a sentence to show (lib/utils/fetch-json.ts).
import { z } from "zod";
import type { ConversationListPage, ConversationSummary } from "@/lib/types/chat";
import { fetchJson, unwrap } from "@/lib/utils/fetch-json";

const summarySchema = z.object({
  id: z.string(),
  title: z.string(),
  modelId: z.string().nullable(),
  lastMessageAt: z.string(),
  assistant: z
    .object({ name: z.string(), avatar: z.object({ type: z.enum(["emoji", "image"]), value: z.string() }), available: z.boolean() })
    .nullable()
    .optional(),
});
const pageSchema = z.object({ conversations: z.array(summarySchema), nextCursor: z.string().nullable() });
const oneSchema = z.object({ conversation: summarySchema });

/** One page of the user's conversations, newest first. */
export async function fetchConversationPage(cursor: string | null): Promise<ConversationListPage> {
  return unwrap(await fetchJson(`/api/conversations${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`, pageSchema));
}

/** Conversations whose title or messages match, best first. */
export async function searchConversations(query: string, signal: AbortSignal): Promise<ConversationSummary[]> {
  return unwrap(await fetchJson(`/api/conversations?q=${encodeURIComponent(query)}`, pageSchema, { signal })).conversations;
}

export async function renameConversation(id: string, title: string): Promise<ConversationSummary> {
  return unwrap(await fetchJson(`/api/conversations/${id}`, oneSchema, { method: "PATCH", body: JSON.stringify({ title }) })).conversation;
}

export async function deleteConversation(id: string): Promise<void> {
  unwrap(await fetchJson(`/api/conversations/${id}`, z.unknown(), { method: "DELETE" }));
}
