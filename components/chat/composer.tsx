"use client";
// The message box: Enter sends, Shift+Enter adds a line; Stop replaces Send while an answer streams.
import { ArrowUp, Square } from "lucide-react";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { MAX_MESSAGE_LENGTH } from "@/lib/schemas/chat";

type Props = {
  busy: boolean;
  stopping: boolean;
  onSend: (text: string) => boolean;
  onStop: () => void;
};

export function Composer({ busy, stopping, onSend, onStop }: Props) {
  const hydrated = useHydrated();
  const [text, setText] = useState("");
  const canSend = hydrated && !busy && text.trim().length > 0 && text.length <= MAX_MESSAGE_LENGTH;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    if (onSend(text)) setText("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form onSubmit={submit} className="mx-auto w-full max-w-3xl px-3 pb-3 sm:px-4 sm:pb-4">
      <div className="flex items-end gap-2 rounded-xl border border-zinc-300 bg-white p-2 shadow-sm focus-within:ring-2 focus-within:ring-blue-500 dark:border-zinc-700 dark:bg-zinc-900">
        <textarea
          aria-label="Message"
          name="message"
          rows={1}
          value={text}
          disabled={!hydrated}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Write a message…"
          maxLength={MAX_MESSAGE_LENGTH}
          className="field-sizing-content max-h-60 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-base outline-none sm:text-sm"
        />
        {busy ? (
          <Button variant="secondary" onClick={onStop} disabled={stopping} className="shrink-0">
            <Square className="size-4" aria-hidden />
            {stopping ? "Stopping…" : "Stop"}
          </Button>
        ) : (
          <Button type="submit" disabled={!canSend} className="shrink-0">
            <ArrowUp className="size-4" aria-hidden />
            Send
          </Button>
        )}
      </div>
      <p className="mt-1 px-1 text-xs text-zinc-500">Enter to send, Shift+Enter for a new line.</p>
    </form>
  );
}
