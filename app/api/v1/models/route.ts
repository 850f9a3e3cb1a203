import { withApiKey } from "@/lib/api/handler";
import { listModelsFor } from "@/lib/api/models-list";

/** The models and assistants (`assistant:<slug>`) this key may use. */
export const GET = withApiKey(async (_req, { caller }) => Response.json(await listModelsFor(caller)));
