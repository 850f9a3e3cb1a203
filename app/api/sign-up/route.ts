import { withErrors } from "@/lib/auth/handlers";
import { clientIp } from "@/lib/auth/client-ip";
import { SIGN_UP_ACCEPTED, consumeSignUpAttempt, signUp } from "@/lib/auth/sign-up";
import { signUpSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (req) => {
  await consumeSignUpAttempt(clientIp(req.headers));
  const input = signUpSchema.parse(await req.json().catch(() => ({})));
  await signUp(input);
  return Response.json(SIGN_UP_ACCEPTED, { status: 202 });
});
