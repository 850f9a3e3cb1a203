import { acceptInviteLink } from "@/lib/auth/account-password";
import { withErrors } from "@/lib/auth/handlers";
import { acceptInviteSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (req) => {
  await acceptInviteLink(acceptInviteSchema.parse(await req.json().catch(() => ({}))));
  return Response.json({ message: "Your account is ready." }, { status: 201 });
});
