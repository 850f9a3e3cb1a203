import { withApiKey } from "@/lib/api/handler";
import { getModelFor } from "@/lib/api/models-list";

/** One model; its id may hold a slash ("<endpoint>/<model>"), hence the catch-all segment. */
export const GET = withApiKey<{ id: string[] }>(async (_req, { caller, params }) => Response.json(await getModelFor(caller, params.id.map(decodeURIComponent).join("/"))));
