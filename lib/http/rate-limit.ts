import "server-only";
// Per-user rate limits on the expensive requests (chat turns, builder previews, OpenAPI parsing), with
// rate-limiter-flexible's PostgreSQL store like sign-in throttling (table rate_limits), so every app
// instance counts against the same budget. The budgets are per minute and set by the environment.
import { RateLimiterRes, type RateLimiterPostgres } from "rate-limiter-flexible";
import { createLimiter, retryMessage } from "@/lib/auth/throttle";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const LIMITS = {
  chat: { env: "CHAT_RATE_LIMIT", sentence: "You are sending messages faster than this Switchboard allows." },
  preview: { env: "PREVIEW_RATE_LIMIT", sentence: "You are trying the assistant faster than this Switchboard allows." },
  openApiParse: { env: "OPENAPI_PARSE_RATE_LIMIT", sentence: "You are checking action documents faster than this Switchboard allows." },
} as const satisfies Record<string, { env: keyof Env; sentence: string }>;

export type RateLimitName = keyof typeof LIMITS;

const globalForLimits = globalThis as unknown as { switchboardUserLimiters?: Map<RateLimitName, RateLimiterPostgres> };

function limiterFor(name: RateLimitName): RateLimiterPostgres {
  const limiters = (globalForLimits.switchboardUserLimiters ??= new Map());
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = createLimiter(`user_${name}`, { points: getEnv()[LIMITS[name].env], durationSeconds: 60 });
    limiters.set(name, limiter);
  }
  return limiter;
}

/** Counts one request of `userId` against the named budget; throws 429 with Retry-After when it is spent. */
export async function enforceRateLimit(name: RateLimitName, userId: string): Promise<void> {
  try {
    await limiterFor(name).consume(userId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const wait = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("rate_limited", `${LIMITS[name].sentence} ${retryMessage(wait)}`, { headers: { "Retry-After": String(wait) } });
  }
}
