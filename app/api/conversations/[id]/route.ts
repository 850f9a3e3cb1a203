import { withUser } from "@/lib/auth/handlers";
import { changeConversation } from "@/lib/chat/change-conversation";
import { toChatMessages } from "@/lib/chat/history";
import { deleteConversation, getConversationWithMessages, toConversationSummary } from "@/lib/db/conversations";
import { conversationChangeSchema } from "@/lib/schemas/chat";
import { parseId } from "@/lib/schemas/ids";
import type { ConversationView } from "@/lib/types/chat";
import { readJson } from "@/lib/http/read-json";

export const GET = withUser<{ id: string }>(async (_req, { user, params }) => {
  const { messages, ...conversation } = await getConversationWithMessages(user.id, parseId(params.id, "conversation"));
  const view: ConversationView = { ...toConversationSummary(conversation), messages: toChatMessages(messages) };
  return Response.json({ conversation: view });
});

/** Rename, or remember the picked model: { title?, modelId? }. */
export const PATCH = withUser<{ id: string }>(async (req, { user, params }) => {
  const id = parseId(params.id, "conversation");
  const change = await readJson(req, conversationChangeSchema);
  return Response.json({ conversation: await changeConversation(user.id, id, change) });
});

export const DELETE = withUser<{ id: string }>(async (_req, { user, params }) => {
  await deleteConversation(user.id, parseId(params.id, "conversation"));
  return new Response(null, { status: 204 });
});
