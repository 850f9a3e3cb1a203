import { readJson } from "@/lib/http/read-json";
import { acceptInviteLink } from "@/lib/auth/account-password";
import { withErrors } from "@/lib/auth/handlers";
import { acceptInviteSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (req) => {
  await acceptInviteLink(await readJson(req, acceptInviteSchema));
  return Response.json({ message: "Your account is ready." }, { status: 201 });
});
