import { createChatCompletion } from "@/lib/api/chat-completions";
import { withApiKey } from "@/lib/api/handler";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";
import { chatCompletionRequestSchema } from "@/lib/schemas/openai-api";

/** OpenAI Chat Completions, streaming or not, with a model or an assistant (`assistant:<slug>`). */
export const POST = withApiKey(async (req, { caller }) => createChatCompletion(caller, await readJson(req, chatCompletionRequestSchema, BODY_LIMITS.api), req));
