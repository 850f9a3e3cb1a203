import "server-only";
// Signs the caller in (or keeps them signed in) after their session version changed: a password change
// ends every session including this one, so this request gets a fresh next-auth session cookie carrying
// the new version. Same token shape and cookie as next-auth's own sign-in (lib/auth/options.ts).
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName } from "@/lib/auth/options";
import { getEnv } from "@/lib/env";

export async function issueSessionCookie(user: { id: string; email: string; name: string | null; sessionVersion: number }): Promise<void> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sv: user.sessionVersion },
    secret: getEnv().AUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const jar = await cookies();
  jar.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getEnv().APP_URL.startsWith("https://"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
