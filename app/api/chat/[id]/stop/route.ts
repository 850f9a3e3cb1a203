import { withUser } from "@/lib/auth/handlers";
import { stopConversationTurn } from "@/lib/chat/remote-stop";
import { parseId } from "@/lib/schemas/ids";

/** Stops the running turn of a conversation, on whichever instance runs it; the partial answer is saved as "stopped". */
export const POST = withUser<{ id: string }>(async (_req, { user, params }) => {
  const id = parseId(params.id, "conversation");
  return Response.json({ stopped: await stopConversationTurn(id, user.id) });
});
