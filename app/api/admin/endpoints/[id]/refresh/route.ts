import { refreshEndpointModels } from "@/lib/ai/endpoint-checks";
import { withAdmin } from "@/lib/auth/handlers";
import { parseId } from "@/lib/schemas/ids";

export const POST = withAdmin<{ id: string }>(async (_req, { params }) =>
  Response.json({ endpoint: await refreshEndpointModels(parseId(params.id, "endpoint")) }),
);
