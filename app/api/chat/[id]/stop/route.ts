import { withUser } from "@/lib/auth/handlers";
import { stopTurn } from "@/lib/chat/running-turns";
import { getConversation } from "@/lib/db/conversations";
import { parseId } from "@/lib/schemas/ids";

/** Stops the running turn of a conversation; the partial answer is saved with status "stopped". */
export const POST = withUser<{ id: string }>(async (_req, { user, params }) => {
  const id = parseId(params.id, "conversation");
  await getConversation(user.id, id);
  return Response.json({ stopped: await stopTurn(id, user.id) });
});
