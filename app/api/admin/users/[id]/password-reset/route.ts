import { withAdmin } from "@/lib/auth/handlers";
import { createPasswordReset } from "@/lib/db/account-links";
import { getEnv } from "@/lib/env";
import { parseId } from "@/lib/schemas/ids";

export const POST = withAdmin<{ id: string }>(async (_req, { user, params }) => {
  parseId(params.id, "user");
  const link = await createPasswordReset(user, params.id);
  return Response.json({ url: `${getEnv().APP_URL}/sign-in/reset/${link.token}`, expiresAt: link.expiresAt.toISOString() }, { status: 201 });
});
