import { addEndpoint } from "@/lib/ai/endpoint-checks";
import { withAdmin } from "@/lib/auth/handlers";
import { listEndpointViews } from "@/lib/db/endpoints";
import { endpointInputSchema } from "@/lib/schemas/endpoints";
import { readJson } from "@/lib/http/read-json";

export const GET = withAdmin(async () => Response.json({ endpoints: await listEndpointViews() }));

export const POST = withAdmin(async (req, { user }) => {
  const input = await readJson(req, endpointInputSchema);
  return Response.json(await addEndpoint(user, input), { status: 201 });
});
