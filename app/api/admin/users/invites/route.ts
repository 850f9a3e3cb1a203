import { readJson } from "@/lib/http/read-json";
import { withAdmin } from "@/lib/auth/handlers";
import { createInvite } from "@/lib/db/account-links";
import { getEnv } from "@/lib/env";
import { inviteSchema } from "@/lib/schemas/auth";

export const POST = withAdmin(async (req, { user }) => {
  const input = await readJson(req, inviteSchema);
  const link = await createInvite(user, input);
  return Response.json({ url: `${getEnv().APP_URL}/sign-up/invite/${link.token}`, expiresAt: link.expiresAt.toISOString() }, { status: 201 });
});
