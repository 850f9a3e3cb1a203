import { withUser } from "@/lib/auth/handlers";
import { prepareTurn } from "@/lib/chat/prepare-turn";
import { streamTurn } from "@/lib/chat/stream-turn";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { chatRequestSchema } from "@/lib/schemas/chat";

/** One chat turn: { conversationId?, message: { text }, modelId?, regenerate? } -> UI message stream. */
export const POST = withUser(async (req, { user }) => {
  const request = await readJson(req, chatRequestSchema, BODY_LIMITS.chat);
  await enforceRateLimit("chat", user.id);
  return streamTurn(await prepareTurn(user, request));
});
