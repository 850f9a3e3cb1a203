import { describeActionDocument } from "@/lib/assistants/describe-action";
import { withUser } from "@/lib/auth/handlers";
import { actionParseRequestSchema } from "@/lib/schemas/action-parse";

/** The builder checks a pasted OpenAPI document; nothing is stored and nothing is fetched. */
export const POST = withUser(async (req) => {
  const { spec } = actionParseRequestSchema.parse(await req.json().catch(() => ({})));
  return Response.json(await describeActionDocument(spec));
});
