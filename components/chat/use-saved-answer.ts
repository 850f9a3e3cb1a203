"use client";
// A page opened while an answer is still being written elsewhere (another tab, another device)
// can't follow that stream until streams are resumable; it asks the server every few seconds and
// shows the answer once it is saved.
import { useEffect, type RefObject } from "react";
import { fetchMessagePage } from "@/components/chat/chat-api";
import type { ChatUIMessage } from "@/lib/types/chat";

const POLL_MS = 1500;

/** Replaces the stored messages of the latest page with what the server has now. */
export function mergeLatest(current: ChatUIMessage[], latest: ChatUIMessage[]): ChatUIMessage[] {
  const fresh = new Set(latest.map((message) => message.id));
  return [...current.filter((message) => !fresh.has(message.id)), ...latest];
}

/** While `waitingId` (an answer "streaming" on the server, not in this page) is set, polls until it is saved. */
export function useSavedAnswer(options: {
  conversationId: RefObject<string | null>;
  waitingId: string | null;
  setMessages: (update: (messages: ChatUIMessage[]) => ChatUIMessage[]) => void;
}) {
  const { conversationId, waitingId, setMessages } = options;
  useEffect(() => {
    const id = conversationId.current;
    if (!waitingId || !id) return;
    let cancelled = false;
    let inFlight = false;
    const timer = setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      fetchMessagePage(id, null)
        .then((page) => {
          const saved = page.messages.find((message) => message.id === waitingId);
          // Gone (the conversation changed meanwhile) or finished: show what the server has.
          if (!cancelled && saved?.metadata?.status !== "streaming") setMessages((current) => mergeLatest(current, page.messages));
        })
        .catch(() => undefined)
        .finally(() => {
          inFlight = false;
        });
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [conversationId, waitingId, setMessages]);
}
