import "server-only";
// next-auth configuration: email + password (Credentials), JWT sessions carrying the user id and the
// session version. The database decides on every request whether a token is still good (session.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/schemas/auth";
import { clearSignInFailures, recordSignInFailure } from "@/lib/auth/throttle";
import { findUserForSignIn, revokeSessions } from "@/lib/db/users";
import { getEnv } from "@/lib/env";
import { countSignInFailure } from "@/lib/metrics/registry";

/** Error codes next-auth passes back to the sign-in form (the form words them). */
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  disabled: "AccountDisabled",
} as const;

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const tokenClaimsSchema = z.object({ sub: z.guid(), sv: z.number().int() });

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

function secureCookies(): boolean {
  return getEnv().APP_URL.startsWith("https://");
}

export function authOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientIp(req.headers ?? {});
          const user = await findUserForSignIn(email);
          const ok = await verifyPassword(user?.passwordHash ?? null, password);
          if (!user || !ok) {
            countSignInFailure("invalid_credentials");
            await recordSignInFailure(email, ip);
            return null;
          }
          if (user.disabledAt) {
            countSignInFailure("disabled");
            throw new Error(SIGN_IN_ERRORS.disabled);
          }
          await clearSignInFailures(email, ip);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sessionVersion" in user && typeof user.sessionVersion === "number") {
          token.sv = user.sessionVersion;
        }
        return token;
      },
    },
    events: {
      async signOut({ token }) {
        const claims = tokenClaimsSchema.safeParse(token);
        if (claims.success) await revokeSessions(claims.data.sub, claims.data.sv);
      },
    },
  };
}

export { tokenClaimsSchema };
