import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { Chat } from "@/components/chat/chat";
import { NoModelNotice } from "@/components/chat/no-model-notice";
import { requirePageUser } from "@/lib/auth/session";
import { loadChatSetup } from "@/lib/chat/chat-setup";
import { toChatMessages } from "@/lib/chat/history";
import { findConversationWithMessages } from "@/lib/db/conversations";

type Props = { params: Promise<{ id: string }> };

// Cached per request: the metadata and the page read the same conversation once.
const loadConversation = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requirePageUser(`/c/${id}`);
  const conversation = await findConversationWithMessages(user.id, id);
  if (!conversation) notFound();
  return { user, conversation };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conversation } = await loadConversation((await params).id);
  return { title: conversation.title };
}

export default async function ConversationPage({ params }: Props) {
  const { user, conversation } = await loadConversation((await params).id);
  const setup = await loadChatSetup(conversation.modelId);
  return (
    <Chat
      key={conversation.id}
      conversationId={conversation.id}
      title={conversation.title}
      initialMessages={toChatMessages(conversation.messages)}
      models={setup.models}
      initialModelId={setup.selectedModelId}
      blocked={setup.canChat ? undefined : <NoModelNotice isAdmin={user.role === "admin"} />}
    />
  );
}
