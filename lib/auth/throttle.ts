import "server-only";
// Sign-in throttling with rate-limiter-flexible, state in PostgreSQL (table rate_limits, created by a
// migration) so every app instance shares it. Only failures count; a success clears the account's count.
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";

export const SIGN_IN_LIMITS = {
  /** Failed attempts per account before it is locked for the window. */
  perAccount: { points: 5, durationSeconds: 15 * 60 },
  /** Failed attempts per client address (across accounts) before it is locked for the window. */
  perIp: { points: 50, durationSeconds: 15 * 60 },
} as const;

type Limiters = { account: RateLimiterPostgres; ip: RateLimiterPostgres; pool: pg.Pool };

const globalForLimiters = globalThis as unknown as { switchboardLimiters?: Promise<Limiters> };

function createLimiter(pool: pg.Pool, keyPrefix: string, limits: { points: number; durationSeconds: number }) {
  // The table comes from a migration (tableCreated), so construction is synchronous. Expired rows are
  // swept in the background so the table stays small.
  return new RateLimiterPostgres({
    storeClient: pool,
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: true,
    keyPrefix,
    points: limits.points,
    duration: limits.durationSeconds,
  });
}

function limiters(): Promise<Limiters> {
  globalForLimiters.switchboardLimiters ??= (async () => {
    const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 4 });
    return {
      account: createLimiter(pool, "signin_account", SIGN_IN_LIMITS.perAccount),
      ip: createLimiter(pool, "signin_ip", SIGN_IN_LIMITS.perIp),
      pool,
    };
  })();
  return globalForLimiters.switchboardLimiters;
}

/** Seconds until the caller may try again, or null when sign-in is allowed. */
export async function signInBlockedFor(email: string, ip: string | null): Promise<number | null> {
  const { account, ip: ipLimiter } = await limiters();
  const [byAccount, byIp] = await Promise.all([account.get(email), ip ? ipLimiter.get(ip) : Promise.resolve(null)]);
  const waits = [
    blockedSeconds(byAccount, SIGN_IN_LIMITS.perAccount.points),
    blockedSeconds(byIp, SIGN_IN_LIMITS.perIp.points),
  ].filter((value): value is number => value !== null);
  return waits.length > 0 ? Math.max(...waits) : null;
}

function blockedSeconds(state: RateLimiterRes | null, points: number): number | null {
  if (!state || state.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const { account, ip: ipLimiter } = await limiters();
  // consume() rejects once the points are used up; the state is still recorded, which is all we want.
  const swallow = (result: unknown) => (result instanceof Error ? Promise.reject(result) : undefined);
  await Promise.all([
    account.consume(email).catch(swallow),
    ip ? ipLimiter.consume(ip).catch(swallow) : Promise.resolve(),
  ]);
}

export async function clearSignInFailures(email: string): Promise<void> {
  const { account } = await limiters();
  await account.delete(email);
}

/** "Try again in 14 minutes." */
export function retryMessage(seconds: number): string {
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
