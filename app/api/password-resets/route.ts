import { readJson } from "@/lib/http/read-json";
import { resetPasswordWithLink } from "@/lib/auth/account-password";
import { withErrors } from "@/lib/auth/handlers";
import { resetPasswordSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (req) => {
  await resetPasswordWithLink(await readJson(req, resetPasswordSchema));
  return Response.json({ message: "Your password has been changed. Every other session has been signed out." });
});
