import { importAssistant } from "@/lib/assistants/transfer";
import { withUser } from "@/lib/auth/handlers";
import { assistantExportSchema } from "@/lib/schemas/assistants";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";

export const POST = withUser(async (req, { user }) => {
  const data = await readJson(req, assistantExportSchema, BODY_LIMITS.assistant);
  return Response.json({ assistant: await importAssistant(user, data) }, { status: 201 });
});
