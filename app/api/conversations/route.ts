import { withUser } from "@/lib/auth/handlers";
import { searchConversations } from "@/lib/db/conversation-search";
import { listConversations } from "@/lib/db/conversations";
import { conversationListQuerySchema } from "@/lib/schemas/chat";
import type { ConversationListPage } from "@/lib/types/chat";

/**
 * The user's conversations, most recent first: ?cursor=&limit= -> { conversations, nextCursor }.
 * With ?q=, the ones whose title or messages match, best match first (one page: nextCursor is null).
 */
export const GET = withUser(async (req, { user }) => {
  const { q, ...page } = conversationListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (q) {
    const result: ConversationListPage = { conversations: await searchConversations(user.id, q, page.limit), nextCursor: null };
    return Response.json(result);
  }
  return Response.json(await listConversations(user.id, page));
});
