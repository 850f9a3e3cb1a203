"use client";
// Conversations created or continued in this tab, so the sidebar (rendered once by the layout)
// shows them at once without re-rendering the page that is streaming.
import { useSyncExternalStore } from "react";
import type { ConversationSummary } from "@/lib/types/chat";

let remembered: ConversationSummary[] = [];
const listeners = new Set<() => void>();
const EMPTY: ConversationSummary[] = [];

export function rememberConversation(conversation: ConversationSummary): void {
  remembered = [conversation, ...remembered.filter((item) => item.id !== conversation.id)];
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRememberedConversations(): ConversationSummary[] {
  return useSyncExternalStore(subscribe, () => remembered, () => EMPTY);
}

/** The server's list updated with this tab's changes, most recent first. */
export function mergeConversations(server: ConversationSummary[], local: ConversationSummary[]): ConversationSummary[] {
  const byId = new Map(server.map((item) => [item.id, item]));
  for (const item of local) {
    const known = byId.get(item.id);
    if (!known || known.lastMessageAt <= item.lastMessageAt) byId.set(item.id, item);
  }
  return [...byId.values()].sort((a, b) => (a.lastMessageAt === b.lastMessageAt ? a.id.localeCompare(b.id) : a.lastMessageAt < b.lastMessageAt ? 1 : -1));
}
