"use client";
// The sidebar's requests: pages of the conversation list, search, rename and delete. Each returns
// data or throws an Error whose message is a sentence to show.
import { z } from "zod";
import type { ConversationListPage, ConversationSummary } from "@/lib/types/chat";

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
const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

const OFFLINE = "Could not reach Switchboard. Check your connection and try again.";

async function request(url: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new Error(OFFLINE);
  }
  if (res.ok) return res;
  const body = errorBodySchema.safeParse(await res.json().catch(() => null));
  throw new Error(body.success ? body.data.error.message : `The server answered ${res.status}. Try again.`);
}

/** One page of the user's conversations, newest first. */
export async function fetchConversationPage(cursor: string | null): Promise<ConversationListPage> {
  const res = await request(`/api/conversations${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
  return pageSchema.parse(await res.json());
}

/** Conversations whose title or messages match, best first. */
export async function searchConversations(query: string, signal: AbortSignal): Promise<ConversationSummary[]> {
  const res = await request(`/api/conversations?q=${encodeURIComponent(query)}`, { signal });
  return pageSchema.parse(await res.json()).conversations;
}

export async function renameConversation(id: string, title: string): Promise<ConversationSummary> {
  const res = await request(`/api/conversations/${id}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title }),
  });
  return oneSchema.parse(await res.json()).conversation;
}

export async function deleteConversation(id: string): Promise<void> {
  await request(`/api/conversations/${id}`, { method: "DELETE" });
}
