import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { Chat } from "@/components/chat/chat";
import { NoModelNotice } from "@/components/chat/no-model-notice";
import { requirePageUser } from "@/lib/auth/session";
import { loadChatSetup } from "@/lib/chat/chat-setup";
import { toChatMessages } from "@/lib/chat/history";
import { assistantOfConversation } from "@/lib/db/assistants";
import { findMessagePage } from "@/lib/db/conversation-messages";
import { findConversation } from "@/lib/db/conversations";
import { AssistantAvatar } from "@/components/assistants/assistant-avatar";
import { Alert } from "@/components/ui/alert";

type Props = { params: Promise<{ id: string }> };

// Cached per request: the metadata and the page read the same conversation once.
const loadConversation = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requirePageUser(`/c/${id}`);
  const conversation = await findConversation(user.id, id);
  if (!conversation) notFound();
  return { user, conversation };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conversation } = await loadConversation((await params).id);
  return { title: conversation.title };
}

export default async function ConversationPage({ params }: Props) {
  const { user, conversation } = await loadConversation((await params).id);
  // The latest messages only: older ones load as the user scrolls up (a long conversation's page stays small).
  const [setup, assistant, page] = await Promise.all([
    loadChatSetup(conversation.modelId),
    assistantOfConversation(user, conversation.id),
    findMessagePage(user.id, conversation.id),
  ]);
  if (!page) notFound();
  const gone = assistant.state === "gone";
  return (
    <div className="flex h-full flex-col">
      {assistant.state === "available" ? (
        <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800" data-testid="conversation-assistant">
          <AssistantAvatar avatar={assistant.avatar} size="sm" />
          <span className="font-medium">{assistant.name}</span>
        </div>
      ) : null}
      <div className="min-h-0 flex-1">
    <Chat
      key={conversation.id}
      conversationId={conversation.id}
      title={conversation.title}
      initialMessages={toChatMessages(page.messages)}
      hasOlder={page.hasOlder}
      models={setup.models}
      initialModelId={setup.selectedModelId}
      speaker={assistant.state === "available" ? { name: assistant.name, avatar: assistant.avatar } : null}
      blocked={
        gone ? (
          <div className="mx-auto w-full max-w-3xl px-3 pb-4">
            <Alert tone="info">The assistant of this conversation is no longer available to you. You can still read it; start a new chat to go on.</Alert>
          </div>
        ) : setup.canChat ? undefined : (
          <NoModelNotice isAdmin={user.role === "admin"} />
        )
      }
    />
      </div>
    </div>
  );
}
