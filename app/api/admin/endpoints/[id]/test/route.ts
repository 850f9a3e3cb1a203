import { z } from "zod";
import { testEndpoint } from "@/lib/ai/endpoint-checks";
import { withAdmin } from "@/lib/auth/handlers";
import { parseId } from "@/lib/schemas/ids";
import { readJson } from "@/lib/http/read-json";

const bodySchema = z.object({ model: z.string().trim().min(1).max(200).optional() });

export const POST = withAdmin<{ id: string }>(async (req, { params }) => {
  const body = await readJson(req, bodySchema);
  return Response.json({ endpoint: await testEndpoint(parseId(params.id, "endpoint"), body.model) });
});
