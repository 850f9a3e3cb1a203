import { withUser } from "@/lib/auth/handlers";
import { toChatMessages } from "@/lib/chat/history";
import { findMessagePage } from "@/lib/db/conversation-messages";
import { AppError } from "@/lib/errors";
import { messagePageQuerySchema } from "@/lib/schemas/chat";
import { parseId } from "@/lib/schemas/ids";
import type { MessagePageView } from "@/lib/types/chat";

/** GET ?before=<messageId>&limit=: the messages before that one (default: the latest), oldest first. */
export const GET = withUser<{ id: string }>(async (req, { user, params }) => {
  const id = parseId(params.id, "conversation");
  const query = messagePageQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await findMessagePage(user.id, id, query);
  if (!page) throw new AppError("not_found", "That conversation does not exist (it may have been deleted).");
  const view: MessagePageView = { messages: toChatMessages(page.messages), hasOlder: page.hasOlder };
  return Response.json(view);
});
