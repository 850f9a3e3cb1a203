"use client";
// The builder's live preview: chats with the form's current, unsaved settings. Nothing is stored.
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ToolCard } from "@/components/chat/tool-card";
import type { PreviewSettings } from "@/lib/schemas/preview";
import type { ChatToolPart } from "@/lib/types/chat";

const textOf = (message: UIMessage) => message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");

export function PreviewChat({ settings }: { settings: PreviewSettings }) {
  const hydrated = useHydrated();
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const [text, setText] = useState("");
  const [transport] = useState(
    // The ref is read when a message is sent, never during render.
    // eslint-disable-next-line react-hooks/refs
    () =>
      new DefaultChatTransport({
        api: "/api/assistants/preview",
        // The settings are read when a message is sent, so every message uses what the form says now.
        prepareSendMessagesRequest: ({ messages }) => ({
          body: {
            settings: settingsRef.current,
            messages: messages.map((message) => ({ role: message.role === "assistant" ? "assistant" : "user", text: textOf(message) })),
          },
        }),
      }),
  );
  const { messages, sendMessage, setMessages, status, error } = useChat({ transport });
  const busy = status === "submitted" || status === "streaming";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim() || busy) return;
    void sendMessage({ text });
    setText("");
  }

  return (
    <section aria-labelledby="preview-heading" className="flex min-h-80 flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid="assistant-preview">
      <div className="flex items-center justify-between">
        <h2 id="preview-heading" className="font-medium">
          Preview
        </h2>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setMessages([])} disabled={busy || messages.length === 0}>
          Clear
        </Button>
      </div>
      <p className="text-xs text-zinc-500">Uses the settings in the form, saved or not, with the built-in tools it enables (actions run in real chats only). Nothing here is stored.</p>
      <div className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto text-sm">
        {messages.map((message, index) => (
          <div key={message.id} className="flex flex-col gap-2">
            {message.parts.map((part) =>
              part.type.startsWith("tool-") ? (
                <ToolCard key={(part as ChatToolPart).toolCallId} part={part as ChatToolPart} streaming={busy && index === messages.length - 1} />
              ) : null,
            )}
            <p data-preview-role={message.role} className={message.role === "user" ? "self-end rounded-lg bg-zinc-100 px-3 py-2 dark:bg-zinc-800" : "whitespace-pre-wrap"}>
              {textOf(message)}
            </p>
          </div>
        ))}
        {error ? <Alert>{error.message}</Alert> : null}
      </div>
      <form onSubmit={onSubmit} className="flex gap-2">
        <label htmlFor="preview-message" className="sr-only">
          Preview message
        </label>
        <input
          id="preview-message"
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={!hydrated}
          placeholder="Try it out"
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit" disabled={!hydrated || busy || !text.trim()}>
          Try
        </Button>
      </form>
    </section>
  );
}
