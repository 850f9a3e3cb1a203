import { readJson } from "@/lib/http/read-json";
import { changeOwnPassword } from "@/lib/auth/account-password";
import { clientIp } from "@/lib/auth/client-ip";
import { withUser } from "@/lib/auth/handlers";
import { changePasswordSchema } from "@/lib/schemas/auth";

export const POST = withUser(async (req, { user }) => {
  const input = await readJson(req, changePasswordSchema);
  await changeOwnPassword(user, input, clientIp(req.headers));
  return Response.json({ message: "Password changed. Your other sessions have been signed out." });
});
