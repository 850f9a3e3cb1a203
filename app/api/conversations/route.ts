import { withUser } from "@/lib/auth/handlers";
import { listConversations } from "@/lib/db/conversations";
import { conversationListQuerySchema } from "@/lib/schemas/chat";

/** The user's conversations, most recent first: ?cursor=&limit= -> { conversations, nextCursor }. */
export const GET = withUser(async (req, { user }) => {
  const query = conversationListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listConversations(user.id, query));
});
