"use client";
// Older messages of a long conversation, loaded a page at a time when the user scrolls near the
// top (or presses "Load earlier messages"), keeping what they were reading where it was.
import { useLayoutEffect, useRef, useState, type RefObject } from "react";
import { fetchMessagePage } from "@/components/chat/chat-api";
import type { ChatUIMessage } from "@/lib/types/chat";

/** How close to the top (px) a scroll starts loading the previous page. */
const LOAD_MARGIN = 400;

type Options = {
  conversationId: RefObject<string | null>;
  messages: ChatUIMessage[];
  setMessages: (update: (messages: ChatUIMessage[]) => ChatUIMessage[]) => void;
  /** The scrolling element of the thread. */
  scrollElement: () => HTMLElement | null;
  initialHasOlder: boolean;
};

export function useOlderMessages({ conversationId, messages, setMessages, scrollElement, initialHasOlder }: Options) {
  const [hasOlder, setHasOlder] = useState(initialHasOlder);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  /** Distance from the bottom before older messages were put on top, restored once they render. */
  const keepDistance = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = scrollElement();
    if (keepDistance.current === null || !element) return;
    element.scrollTop = element.scrollHeight - keepDistance.current;
    keepDistance.current = null;
  }, [messages, scrollElement]);

  async function loadOlder() {
    const id = conversationId.current;
    const first = messages[0];
    if (!id || !first || !hasOlder || busy.current) return;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchMessagePage(id, first.id);
      const element = scrollElement();
      if (element) keepDistance.current = element.scrollHeight - element.scrollTop;
      setMessages((current) => {
        const known = new Set(current.map((message) => message.id));
        return [...page.messages.filter((message) => !known.has(message.id)), ...current];
      });
      setHasOlder(page.hasOlder);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not load earlier messages.");
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }

  function onScroll() {
    const element = scrollElement();
    if (element && hasOlder && !error && element.scrollTop < LOAD_MARGIN) void loadOlder();
  }

  return { hasOlder, loading, error, loadOlder, onScroll };
}
