"use client";
// One conversation in the sidebar: a link, and Rename / Delete buttons that show on hover and on
// keyboard focus. Rename is inline: Enter (or leaving the field) saves, Escape cancels. On the
// focused link, F2 renames and Delete asks to delete.
import { MessageSquare, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { AssistantAvatar } from "@/components/assistants/assistant-avatar";
import { MAX_TITLE_LENGTH } from "@/lib/schemas/chat";
import type { ConversationSummary } from "@/lib/types/chat";
import { cn } from "@/lib/utils/cn";

type Props = {
  conversation: ConversationSummary;
  active: boolean;
  /** Saves a new title; resolves to an error sentence, or null when saved. */
  onRename: (id: string, title: string) => Promise<string | null>;
  onDelete: (conversation: ConversationSummary) => void;
};

const iconButton =
  "rounded p-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100";

export function ConversationRow({ conversation, active, onRename, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(conversation.title);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Enter, Escape and the blur that follows must not each act: the first one wins.
  const settled = useRef(false);
  const refocus = useRef(false);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const errorId = useId();

  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      linkRef.current?.focus();
    }
  }, [editing]);

  function startRename() {
    setDraft(conversation.title);
    setError(null);
    settled.current = false;
    setEditing(true);
  }

  function stop(withKeyboard: boolean) {
    settled.current = true;
    refocus.current = withKeyboard;
    setEditing(false);
  }

  async function save(withKeyboard: boolean) {
    if (settled.current || saving) return;
    const title = draft.trim();
    if (!title || title === conversation.title) return stop(withKeyboard);
    settled.current = true;
    setSaving(true);
    const problem = await onRename(conversation.id, title);
    setSaving(false);
    if (problem) {
      settled.current = false;
      setError(problem);
      return;
    }
    stop(withKeyboard);
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save(true);
    } else if (event.key === "Escape") {
      // Escape here cancels the rename; it must not also close the sidebar drawer.
      event.preventDefault();
      event.stopPropagation();
      stop(true);
    }
  }

  function onLinkKeyDown(event: KeyboardEvent<HTMLAnchorElement>) {
    if (event.key === "F2") {
      event.preventDefault();
      startRename();
    } else if (event.key === "Delete") {
      event.preventDefault();
      onDelete(conversation);
    }
  }

  if (editing) {
    return (
      <li className="px-1 py-0.5" data-keep-sidebar-open>
        <input
          aria-label="Conversation title"
          value={draft}
          maxLength={MAX_TITLE_LENGTH}
          disabled={saving}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onInputKeyDown}
          onBlur={() => void save(false)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="w-full rounded-md border border-blue-500 bg-white px-2 py-1 text-sm outline-none focus:ring-2 focus:ring-blue-500 dark:bg-zinc-900"
        />
        {error ? (
          <p id={errorId} role="alert" className="px-1 pt-1 text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </li>
    );
  }

  return (
    <li className="group relative">
      <Link
        ref={linkRef}
        href={`/c/${conversation.id}`}
        data-conversation-link
        aria-current={active ? "page" : undefined}
        aria-keyshortcuts="F2 Delete"
        onKeyDown={onLinkKeyDown}
        className={cn(
          "flex items-center gap-2 rounded-md py-1.5 pr-2 pl-2 text-sm group-focus-within:pr-16 group-hover:pr-16 pointer-coarse:pr-16 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-800",
          active && "bg-zinc-200 font-medium dark:bg-zinc-800",
        )}
      >
        {conversation.assistant ? (
          <AssistantAvatar avatar={conversation.assistant.avatar} size="sm" />
        ) : (
          <MessageSquare className="size-4 shrink-0 text-zinc-400" aria-hidden />
        )}
        <span className="min-w-0 truncate">
          {conversation.title}
          {conversation.assistant ? <span className="block truncate text-xs text-zinc-500">{conversation.assistant.name}</span> : null}
        </span>
      </Link>
      <div
        data-keep-sidebar-open
        className="absolute inset-y-0 right-1 flex items-center gap-0.5 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 pointer-coarse:opacity-100"
      >
        <button type="button" className={iconButton} aria-label={`Rename ${conversation.title}`} title="Rename" onClick={startRename}>
          <Pencil className="size-3.5" aria-hidden />
        </button>
        <button type="button" className={iconButton} aria-label={`Delete ${conversation.title}`} title="Delete" onClick={() => onDelete(conversation)}>
          <Trash2 className="size-3.5" aria-hidden />
        </button>
      </div>
    </li>
  );
}
