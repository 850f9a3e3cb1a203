import { z } from "zod";
import { withAdmin } from "@/lib/auth/handlers";
import { listAudit } from "@/lib/db/audit";

const querySchema = z.object({ cursor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(200).optional() });

export const GET = withAdmin(async (req) => {
  const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listAudit(query));
});
