import { withAdmin } from "@/lib/auth/handlers";
import { revokeApiKeyAsAdmin } from "@/lib/db/api-keys-admin";
import { parseId } from "@/lib/schemas/ids";

export const DELETE = withAdmin<{ id: string }>(async (_req, { user, params }) => Response.json(await revokeApiKeyAsAdmin(user, parseId(params.id, "API key"))));
