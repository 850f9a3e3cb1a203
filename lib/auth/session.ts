import "server-only";
// Who is asking. Decodes the next-auth JWT from the cookie and checks it against the database
// (enabled user, same session version) on every call: the JWT alone never keeps a session alive.
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { sessionCookieName, tokenClaimsSchema } from "@/lib/auth/options";
import { checkSessionVersion } from "@/lib/auth/session-version";
import { findSessionUser } from "@/lib/db/users";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";

export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

type Claims = { sub: string; sv: number };
const decoded = new Map<string, { claims: Claims; until: number }>();
const MAX_DECODED = 1000;
const DECODED_TTL_MS = 60_000;

/**
 * The claims of a session cookie. Decoding (key derivation + JWE decryption) is the costly part of a
 * request's auth, so a verified cookie is remembered for a minute (never past its own expiry). The
 * database check below still runs on every request: sign-out and disabling take effect at once.
 */
async function claimsOf(raw: string): Promise<Claims | null> {
  const now = Date.now();
  const hit = decoded.get(raw);
  if (hit && hit.until > now) return hit.claims;
  let token: unknown;
  try {
    token = await decode({ token: raw, secret: getEnv().AUTH_SECRET });
  } catch {
    return null;
  }
  const parsed = tokenClaimsSchema.safeParse(token);
  if (!parsed.success) return null;
  const claims = { sub: parsed.data.sub, sv: parsed.data.sv };
  const exp = typeof (token as { exp?: unknown }).exp === "number" ? (token as { exp: number }).exp * 1000 : now;
  if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value ?? "");
  decoded.set(raw, { claims, until: Math.min(now + DECODED_TTL_MS, exp) });
  return claims;
}

/** The signed-in user, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const raw = jar.get(sessionCookieName())?.value;
  if (!raw) return null;
  const claims = await claimsOf(raw);
  if (!claims) return null;
  const user = await findSessionUser(claims.sub);
  const verdict = checkSessionVersion({ userId: claims.sub, sessionVersion: claims.sv }, user);
  if (verdict !== "valid" || !user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For route handlers and actions: the user, or a 401 AppError. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "You are signed out. Sign in again to continue.");
  return user;
}

/** For route handlers and actions: an admin, or 401/403. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Only admins can do this.");
  return user;
}

/** For pages: the user, or a redirect to sign-in that comes back here. */
export async function requirePageUser(returnTo = "/"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: an admin; a signed-in non-admin gets the 403 page. */
export async function requirePageAdmin(returnTo = "/admin/users"): Promise<CurrentUser> {
  const user = await requirePageUser(returnTo);
  if (user.role !== "admin") forbidden();
  return user;
}
