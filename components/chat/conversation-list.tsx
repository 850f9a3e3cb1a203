"use client";
// The sidebar's conversation list: newest first, the open one marked, and a "New chat" button.
import { Bot, MessageSquare, SquarePen } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { AssistantAvatar } from "@/components/assistants/assistant-avatar";
import { mergeConversations, useRememberedConversations } from "@/components/chat/conversations-store";
import type { ConversationSummary } from "@/lib/types/chat";
import { cn } from "@/lib/utils/cn";

export function ConversationList({ initial }: { initial: ConversationSummary[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const conversations = mergeConversations(initial, useRememberedConversations());

  return (
    <div className="flex flex-col gap-3 py-2">
      <button
        type="button"
        onClick={() => {
          router.push("/");
          // After a first message the URL says /c/<id> while the "/" page is still mounted (the
          // history was replaced, not navigated); a refresh renders a fresh, empty chat.
          router.refresh();
        }}
        className="flex items-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        <SquarePen className="size-4" aria-hidden />
        New chat
      </button>
      <Link
        href="/assistants"
        className={`flex items-center gap-2 rounded-md px-3 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 ${pathname.startsWith("/assistants") ? "bg-zinc-200 dark:bg-zinc-800" : ""}`}
      >
        <Bot className="size-4" aria-hidden />
        Assistants
      </Link>
      <section aria-labelledby="conversations-heading">
        <h2 id="conversations-heading" className="mb-2 px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          Conversations
        </h2>
        {conversations.length === 0 ? (
          <p className="px-2 text-sm text-zinc-500">No conversations yet.</p>
        ) : (
          <ul className="flex flex-col gap-0.5" data-testid="conversation-list">
            {conversations.map((conversation) => {
              const href = `/c/${conversation.id}`;
              const active = pathname === href;
              return (
                <li key={conversation.id}>
                  <Link
                    href={href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800",
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
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
