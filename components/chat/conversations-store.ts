"use client";
// What the chat tells the sidebar (which the layout renders once and never re-renders on its own):
// conversations created or continued in this tab, shown at once, and "a turn ended", after which
// the sidebar reloads its first page (activity order, and the title generated after a first answer).
import { useSyncExternalStore } from "react";
import type { ConversationSummary } from "@/lib/types/chat";

let remembered: ConversationSummary[] = [];
const listeners = new Set<() => void>();
const EMPTY: ConversationSummary[] = [];

function emit() {
  for (const listener of listeners) listener();
}

export function rememberConversation(conversation: ConversationSummary): void {
  remembered = [conversation, ...remembered.filter((item) => item.id !== conversation.id)];
  emit();
}

/** A deleted conversation must not come back from this tab's memory. */
export function forgetConversation(id: string): void {
  if (!remembered.some((item) => item.id === id)) return;
  remembered = remembered.filter((item) => item.id !== id);
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRememberedConversations(): ConversationSummary[] {
  return useSyncExternalStore(subscribe, () => remembered, () => EMPTY);
}

export type TurnEnded = {
  conversationId: string;
  /** The conversation's first answer: a generated title follows shortly. */
  firstAnswer: boolean;
};

const turnListeners = new Set<(event: TurnEnded) => void>();

export function announceTurnEnded(event: TurnEnded): void {
  for (const listener of turnListeners) listener(event);
}

export function onTurnEnded(listener: (event: TurnEnded) => void): () => void {
  turnListeners.add(listener);
  return () => turnListeners.delete(listener);
}

/** Orders conversations as the server does: last activity first, then id. */
export function compareConversations(a: ConversationSummary, b: ConversationSummary): number {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The server's list updated with this tab's activity, most recent first. The server's title wins
 * for a conversation it knows (it may have been renamed or titled since this tab remembered it).
 */
export function mergeConversations(server: ConversationSummary[], local: ConversationSummary[]): ConversationSummary[] {
  const byId = new Map(server.map((item) => [item.id, item]));
  for (const item of local) {
    const known = byId.get(item.id);
    if (!known) byId.set(item.id, item);
    else if (known.lastMessageAt < item.lastMessageAt) byId.set(item.id, { ...known, lastMessageAt: item.lastMessageAt });
  }
  return [...byId.values()].sort(compareConversations);
}

export type LoadedConversations = { items: ConversationSummary[]; nextCursor: string | null };

/**
 * A fresh first page over what the sidebar has loaded: the page is the truth about the newest
 * conversations; older pages already loaded are kept below it (minus anything the page now holds).
 */
export function withFreshFirstPage(current: LoadedConversations, page: LoadedConversations): LoadedConversations {
  const boundary = page.items.at(-1);
  if (!page.nextCursor || !boundary) return page;
  const onPage = new Set(page.items.map((item) => item.id));
  const older = current.items.filter((item) => !onPage.has(item.id) && compareConversations(item, boundary) > 0);
  return older.length > 0 ? { items: [...page.items, ...older], nextCursor: current.nextCursor } : page;
}

/** The next page appended (a conversation that moved up meanwhile is not shown twice). */
export function withNextPage(current: LoadedConversations, page: LoadedConversations): LoadedConversations {
  const known = new Set(current.items.map((item) => item.id));
  return { items: [...current.items, ...page.items.filter((item) => !known.has(item.id))], nextCursor: page.nextCursor };
}
