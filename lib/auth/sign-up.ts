import "server-only";
// Public sign-up: open until the first account exists, then only while the admin's switch says so
// (closed unless an admin opened it). The answer is the same whether or not the email already has an
// account, and each client address gets a few attempts an hour.
import { hashPassword } from "@/lib/auth/password";
import { createLimiter, retryMessage } from "@/lib/auth/throttle";
import { getSetting } from "@/lib/db/settings";
import { createUser, hasAnyUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { RateLimiterRes, type RateLimiterPostgres } from "rate-limiter-flexible";
import type { SignUpInput } from "@/lib/schemas/auth";

export const SIGN_UP_LIMIT = { points: 10, durationSeconds: 60 * 60 } as const;

/** What every accepted sign-up answers, new email or not. */
export const SIGN_UP_ACCEPTED = { message: "If this email had no account yet, it has one now: sign in with it." } as const;

export async function isSignUpOpen(): Promise<boolean> {
  const [open, anyUser] = await Promise.all([getSetting("signupOpen"), hasAnyUser()]);
  return open || !anyUser;
}

const globalForSignUp = globalThis as unknown as { switchboardSignUpLimiter?: RateLimiterPostgres };

/** Counts one sign-up attempt for the address; a 429 with Retry-After once the hour's attempts are used. */
export async function consumeSignUpAttempt(ip: string | null): Promise<void> {
  globalForSignUp.switchboardSignUpLimiter ??= createLimiter("signup_ip", SIGN_UP_LIMIT);
  try {
    await globalForSignUp.switchboardSignUpLimiter.consume(ip ?? "unknown");
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    const wait = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    if (result.consumedPoints === SIGN_UP_LIMIT.points + 1) console.warn(`[switchboard] Sign-up limited for address ${ip ?? "unknown"}`);
    throw new AppError("rate_limited", `Too many sign-up attempts from your network. ${retryMessage(wait)}`, {
      headers: { "Retry-After": String(wait) },
    });
  }
}

/** Creates the account unless the email is taken; either way the caller answers SIGN_UP_ACCEPTED. */
export async function signUp(input: SignUpInput): Promise<void> {
  if (!(await isSignUpOpen())) {
    throw new AppError("forbidden", "Sign-up is closed on this Switchboard. Ask an admin for an account.");
  }
  // Hashed even when the email is taken, so both cases take the same time.
  const passwordHash = await hashPassword(input.password);
  await createUser({ email: input.email, name: input.name, passwordHash });
}
