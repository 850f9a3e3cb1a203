"use client";
// Editing an earlier question in place: Send asks it again from there (the server drops that
// question and everything after it); Cancel or Escape leaves it as it was.
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { MAX_MESSAGE_LENGTH } from "@/lib/schemas/chat";

type Props = {
  initialText: string;
  /** Sends the edited text; resolves to an error sentence, or null once sent. */
  onSend: (text: string) => Promise<string | null>;
  onCancel: () => void;
};

export function EditMessage({ initialText, onSend, onCancel }: Props) {
  const [text, setText] = useState(initialText);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const canSend = !sending && text.trim().length > 0 && text.length <= MAX_MESSAGE_LENGTH;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    setSending(true);
    setProblem(null);
    const error = await onSend(text);
    setSending(false);
    if (error) setProblem(error);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex w-full flex-col gap-2" data-testid="edit-message">
      <textarea
        aria-label="Edit message"
        value={text}
        autoFocus
        maxLength={MAX_MESSAGE_LENGTH}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        className="field-sizing-content max-h-80 min-h-16 w-full resize-none rounded-xl border border-zinc-300 bg-white px-3 py-2 text-base outline-none focus:ring-2 focus:ring-blue-500 sm:text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      {problem ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {problem}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={sending}>
          Cancel
        </Button>
        <Button type="submit" disabled={!canSend}>
          Send
        </Button>
      </div>
    </form>
  );
}
