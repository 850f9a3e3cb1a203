import { withAdmin } from "@/lib/auth/handlers";
import { deleteEndpoint, getEndpointView, updateEndpoint } from "@/lib/db/endpoints";
import { endpointPatchSchema } from "@/lib/schemas/endpoints";
import { parseId } from "@/lib/schemas/ids";
import { readJson } from "@/lib/http/read-json";

type Params = { id: string };

export const GET = withAdmin<Params>(async (_req, { params }) => Response.json({ endpoint: await getEndpointView(parseId(params.id, "endpoint")) }));

export const PATCH = withAdmin<Params>(async (req, { user, params }) => {
  const patch = await readJson(req, endpointPatchSchema);
  return Response.json(await updateEndpoint(user, parseId(params.id, "endpoint"), patch));
});

export const DELETE = withAdmin<Params>(async (_req, { user, params }) => {
  await deleteEndpoint(user, parseId(params.id, "endpoint"));
  return new Response(null, { status: 204 });
});
