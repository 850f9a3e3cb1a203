import { withUser } from "@/lib/auth/handlers";
import { listVersions } from "@/lib/db/assistants";
import { parseId } from "@/lib/schemas/ids";

export const GET = withUser<{ id: string }>(async (_req, { user, params }) => Response.json({ versions: await listVersions(user, parseId(params.id, "assistant")) }));
