import "server-only";
// Sign-in throttling with rate-limiter-flexible, state in PostgreSQL (table rate_limits, created by a
// migration) so every app instance shares it. Only failures count. Three counters, so a stranger can't
// lock someone out and a spoofer can't spread attempts thin:
//   - account + address: the tight one (5 / 15 min); a success from that address clears it;
//   - account alone: a loose ceiling (50 / h) against attempts spread over many addresses;
//   - address alone: one client trying many accounts (50 / 15 min).
// Each lock is logged when it trips.
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";

type Limit = { points: number; durationSeconds: number };

export const SIGN_IN_LIMITS = {
  /** Failed attempts on one account from one address before that pair is locked for the window. */
  perAccountAndAddress: { points: 5, durationSeconds: 15 * 60 },
  /** Failed attempts on one account from all addresses: a looser ceiling. */
  perAccount: { points: 50, durationSeconds: 60 * 60 },
  /** Failed attempts from one client address across accounts. */
  perAddress: { points: 50, durationSeconds: 15 * 60 },
} as const satisfies Record<string, Limit>;

type LimitName = keyof typeof SIGN_IN_LIMITS;

type Limiters = { [K in LimitName]: RateLimiterPostgres } & { pool: pg.Pool };

const globalForLimiters = globalThis as unknown as { switchboardSignInLimiters?: Limiters; switchboardLimiterPool?: pg.Pool };

/** One small pool for every limiter of the process (sign-in, sign-up, the per-user limits). */
export function limiterPool(): pg.Pool {
  if (!globalForLimiters.switchboardLimiterPool) {
    const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 4 });
    // An idle connection the database drops must not take the process down (pg throws without a listener).
    pool.on("error", (error) => console.error("[switchboard] Rate limit store connection lost:", error.message));
    globalForLimiters.switchboardLimiterPool = pool;
    metrics().pools.set("rate_limits", () => pool);
  }
  return globalForLimiters.switchboardLimiterPool;
}

/** A limiter on the shared rate_limits table (created by a migration, hence tableCreated). */
export function createLimiter(keyPrefix: string, limit: Limit): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: limiterPool(),
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: true,
    keyPrefix,
    points: limit.points,
    duration: limit.durationSeconds,
  });
}

function limiters(): Limiters {
  globalForLimiters.switchboardSignInLimiters ??= {
    perAccountAndAddress: createLimiter("signin_pair", SIGN_IN_LIMITS.perAccountAndAddress),
    perAccount: createLimiter("signin_account_hour", SIGN_IN_LIMITS.perAccount),
    perAddress: createLimiter("signin_ip", SIGN_IN_LIMITS.perAddress),
    pool: limiterPool(),
  };
  return globalForLimiters.switchboardSignInLimiters;
}

const UNKNOWN_ADDRESS = "unknown";

function keysFor(email: string, ip: string | null): Record<LimitName, string | null> {
  const address = ip ?? UNKNOWN_ADDRESS;
  return {
    perAccountAndAddress: `${email}|${address}`,
    perAccount: email,
    // Without a known address every unknown client would share one key: rely on the other two.
    perAddress: ip,
  };
}

const NAMES = Object.keys(SIGN_IN_LIMITS) as LimitName[];

/** Seconds until the caller may try again, or null when sign-in is allowed. */
export async function signInBlockedFor(email: string, ip: string | null): Promise<number | null> {
  const all = limiters();
  const keys = keysFor(email, ip);
  const states = await Promise.all(NAMES.map((name) => (keys[name] === null ? null : all[name].get(keys[name]))));
  const waits = NAMES.map((name, index) => blockedSeconds(states[index] ?? null, SIGN_IN_LIMITS[name].points)).filter(
    (value): value is number => value !== null,
  );
  return waits.length > 0 ? Math.max(...waits) : null;
}

function blockedSeconds(state: RateLimiterRes | null, points: number): number | null {
  if (!state || state.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

const LOG_LABELS: Record<LimitName, string> = {
  perAccountAndAddress: "account from this address",
  perAccount: "account from all addresses",
  perAddress: "address across accounts",
};

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const all = limiters();
  const keys = keysFor(email, ip);
  await Promise.all(
    NAMES.map(async (name) => {
      const key = keys[name];
      if (key === null) return;
      // consume() rejects once the points are used up; the state is still recorded, which is all we want.
      const state = await all[name].consume(key).catch((result: unknown) => {
        if (result instanceof Error) throw result;
        return result instanceof RateLimiterRes ? result : null;
      });
      if (state && state.consumedPoints === SIGN_IN_LIMITS[name].points) {
        console.warn(
          `[switchboard] Sign-in locked for ${Math.ceil(state.msBeforeNext / 60_000)} min after ${state.consumedPoints} failures (${LOG_LABELS[name]}): account ${email}, address ${ip ?? UNKNOWN_ADDRESS}`,
        );
      }
    }),
  );
}

/** A successful sign-in clears that account's count from that address (not the account-wide ceiling). */
export async function clearSignInFailures(email: string, ip: string | null): Promise<void> {
  const key = keysFor(email, ip).perAccountAndAddress;
  if (key !== null) await limiters().perAccountAndAddress.delete(key);
}

/** "Try again in 14 minutes." */
export function retryMessage(seconds: number): string {
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
