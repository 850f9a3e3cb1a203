import { withUser } from "@/lib/auth/handlers";
import { deleteAssistant, getAssistantForUse, updateAssistant } from "@/lib/db/assistants";
import { assistantInputSchema } from "@/lib/schemas/assistants";
import { parseId } from "@/lib/schemas/ids";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";

type Params = { id: string };

export const GET = withUser<Params>(async (_req, { user, params }) => Response.json({ assistant: await getAssistantForUse(user, parseId(params.id, "assistant")) }));

export const PATCH = withUser<Params>(async (req, { user, params }) => {
  const id = parseId(params.id, "assistant");
  const input = await readJson(req, assistantInputSchema, BODY_LIMITS.assistant);
  return Response.json({ assistant: await updateAssistant(user, id, input) });
});

export const DELETE = withUser<Params>(async (_req, { user, params }) => {
  await deleteAssistant(user, parseId(params.id, "assistant"));
  return new Response(null, { status: 204 });
});
