import { withErrors } from "@/lib/auth/handlers";
import { clientIp } from "@/lib/auth/client-ip";
import { SIGN_UP_ACCEPTED, consumeSignUpAttempt, signUp } from "@/lib/auth/sign-up";
import { readJson } from "@/lib/http/read-json";
import { signUpSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (req) => {
  await consumeSignUpAttempt(clientIp(req.headers));
  const input = await readJson(req, signUpSchema);
  await signUp(input);
  return Response.json(SIGN_UP_ACCEPTED, { status: 202 });
});
