import { withUser } from "@/lib/auth/handlers";
import { revokeApiKey } from "@/lib/db/api-keys";
import { parseId } from "@/lib/schemas/ids";

// Scoped to the signed-in user in the query: another user's key is a 404 like a missing one.
export const DELETE = withUser<{ id: string }>(async (_req, { user, params }) => {
  await revokeApiKey(user.id, parseId(params.id, "API key"));
  return new Response(null, { status: 204 });
});
