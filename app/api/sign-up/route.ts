import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/schemas/auth";
import { withErrors } from "@/lib/auth/handlers";
import { getSetting } from "@/lib/db/settings";
import { createUser, hasAnyUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";

export const POST = withErrors(async (req) => {
  const input = await readJson(req, signUpSchema);
  if (!(await getSetting("signupOpen")) && (await hasAnyUser())) {
    throw new AppError("forbidden", "Sign-up is closed on this Switchboard. Ask an admin for an account.");
  }
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, { status: 201 });
});
