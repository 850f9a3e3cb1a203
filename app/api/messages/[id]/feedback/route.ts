import { withUser } from "@/lib/auth/handlers";
import { setMessageFeedback } from "@/lib/db/message-feedback";
import { messageFeedbackSchema } from "@/lib/schemas/chat";
import { parseId } from "@/lib/schemas/ids";
import { readJson } from "@/lib/http/read-json";

/** A vote on one of the user's answers: { value: 1 | -1 | null } -> { message: { id, feedback } }. */
export const PUT = withUser<{ id: string }>(async (req, { user, params }) => {
  const id = parseId(params.id, "message");
  const { value } = await readJson(req, messageFeedbackSchema);
  return Response.json({ message: await setMessageFeedback(user.id, id, value) });
});
