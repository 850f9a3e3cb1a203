import { readJson } from "@/lib/http/read-json";
import { withUser } from "@/lib/auth/handlers";
import { toChatMessages } from "@/lib/chat/history";
import { selectBranch } from "@/lib/db/conversation-branch";
import { getConversationWithMessages, toConversationSummary } from "@/lib/db/conversations";
import { branchChoiceSchema } from "@/lib/schemas/chat";
import { parseId } from "@/lib/schemas/ids";
import type { ConversationView } from "@/lib/types/chat";

/** Show another version of an edited question or regenerated answer: { messageId } -> the conversation as now shown. */
export const POST = withUser<{ id: string }>(async (req, { user, params }) => {
  const id = parseId(params.id, "conversation");
  const { messageId } = await readJson(req, branchChoiceSchema);
  await selectBranch(user.id, id, messageId);
  const { messages, ...conversation } = await getConversationWithMessages(user.id, id);
  const view: ConversationView = { ...toConversationSummary(conversation), messages: toChatMessages(messages) };
  return Response.json({ conversation: view });
});
