import { withApiKey } from "@/lib/api/handler";
import { createResponse } from "@/lib/api/responses";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";
import { responsesRequestSchema } from "@/lib/schemas/openai-api";

/** OpenAI Responses, streaming or not, with a model or an assistant (`assistant:<slug>`). */
export const POST = withApiKey(async (req, { caller }) => createResponse(caller, await readJson(req, responsesRequestSchema, BODY_LIMITS.api), req));
