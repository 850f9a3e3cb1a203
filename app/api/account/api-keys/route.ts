import { accountApiKeys, createAccountApiKey } from "@/lib/api/account-keys";
import { withUser } from "@/lib/auth/handlers";
import { readJson } from "@/lib/http/read-json";
import { createApiKeySchema } from "@/lib/schemas/api-keys";

// The signed-in user's keys: never the keys themselves (only their prefixes), except once, in the answer to a creation.
export const GET = withUser(async (_req, { user }) => Response.json(await accountApiKeys(user.id)));

export const POST = withUser(async (req, { user }) => {
  const input = await readJson(req, createApiKeySchema);
  return Response.json(await createAccountApiKey(user.id, input), { status: 201 });
});
