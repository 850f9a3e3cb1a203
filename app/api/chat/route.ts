import { withUser } from "@/lib/auth/handlers";
import { prepareTurn } from "@/lib/chat/prepare-turn";
import { streamTurn } from "@/lib/chat/stream-turn";
import { chatRequestSchema } from "@/lib/schemas/chat";

/** One chat turn: { conversationId?, message: { text }, modelId?, regenerate? } -> UI message stream. */
export const POST = withUser(async (req, { user }) => {
  const request = chatRequestSchema.parse(await req.json().catch(() => null));
  return streamTurn(await prepareTurn(user, request));
});
