import { describeActionDocument } from "@/lib/assistants/describe-action";
import { withUser } from "@/lib/auth/handlers";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { actionParseRequestSchema } from "@/lib/schemas/action-parse";

/** The builder checks a pasted OpenAPI document; nothing is stored and nothing is fetched. */
export const POST = withUser(async (req, { user }) => {
  const { spec } = await readJson(req, actionParseRequestSchema, BODY_LIMITS.openApiParse);
  await enforceRateLimit("openApiParse", user.id);
  return Response.json(await describeActionDocument(spec));
});
