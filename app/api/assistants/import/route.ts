import { importAssistant } from "@/lib/assistants/transfer";
import { withUser } from "@/lib/auth/handlers";
import { assistantExportSchema } from "@/lib/schemas/assistants";

export const POST = withUser(async (req, { user }) => {
  const data = assistantExportSchema.parse(await req.json().catch(() => ({})));
  return Response.json({ assistant: await importAssistant(user, data) }, { status: 201 });
});
