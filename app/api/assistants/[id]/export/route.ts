import { exportAssistant } from "@/lib/assistants/transfer";
import { withUser } from "@/lib/auth/handlers";
import { parseId } from "@/lib/schemas/ids";

export const GET = withUser<{ id: string }>(async (_req, { user, params }) => {
  const data = await exportAssistant(user, parseId(params.id, "assistant"));
  const filename = `${data.assistant.name.replace(/[^A-Za-z0-9-_]+/g, "-").slice(0, 60) || "assistant"}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="${filename}"` },
  });
});
