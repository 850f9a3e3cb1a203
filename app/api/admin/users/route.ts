import { z } from "zod";
import { withAdmin } from "@/lib/auth/handlers";
import { listUsers } from "@/lib/db/users";
import { isStorableText, STORABLE_TEXT_ERROR } from "@/lib/schemas/storable-text";

const querySchema = z.object({
  q: z.string().max(200).refine(isStorableText, STORABLE_TEXT_ERROR).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const GET = withAdmin(async (req) => {
  const params = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listUsers({ query: params.q, cursor: params.cursor, limit: params.limit }));
});
