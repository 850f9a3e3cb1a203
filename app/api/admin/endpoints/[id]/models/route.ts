import { withAdmin } from "@/lib/auth/handlers";
import { getEndpointView } from "@/lib/db/endpoints";
import { addManualModel } from "@/lib/db/models";
import { manualModelSchema } from "@/lib/schemas/endpoints";
import { parseId } from "@/lib/schemas/ids";
import { readJson } from "@/lib/http/read-json";

export const POST = withAdmin<{ id: string }>(async (req, { user, params }) => {
  const endpointId = parseId(params.id, "endpoint");
  const input = await readJson(req, manualModelSchema);
  await addManualModel(user, endpointId, input.name);
  return Response.json({ endpoint: await getEndpointView(endpointId) }, { status: 201 });
});
