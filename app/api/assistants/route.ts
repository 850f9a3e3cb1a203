import { z } from "zod";
import { withUser } from "@/lib/auth/handlers";
import { createAssistant, listAssistants } from "@/lib/db/assistants";
import { assistantInputSchema } from "@/lib/schemas/assistants";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";
import { isStorableText, STORABLE_TEXT_ERROR } from "@/lib/schemas/storable-text";

const querySchema = z.object({ q: z.string().max(200).refine(isStorableText, STORABLE_TEXT_ERROR).optional(), scope: z.enum(["gallery", "mine"]).default("gallery") });

export const GET = withUser(async (req, { user }) => {
  const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json({ assistants: await listAssistants(user, { query: query.q, scope: query.scope }) });
});

export const POST = withUser(async (req, { user }) => {
  const input = await readJson(req, assistantInputSchema, BODY_LIMITS.assistant);
  return Response.json({ assistant: await createAssistant(user, input) }, { status: 201 });
});
