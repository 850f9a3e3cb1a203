// Runs against the real PostgreSQL of TEST_DATABASE_URL (the rate_limits table of the migrations).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { connectTestDatabase } from "@/lib/testing/test-database";

let enforceRateLimit: typeof import("@/lib/http/rate-limit").enforceRateLimit;

beforeAll(async () => {
  connectTestDatabase();
  process.env.CHAT_RATE_LIMIT = "3";
  process.env.PREVIEW_RATE_LIMIT = "2";
  process.env.OPENAPI_PARSE_RATE_LIMIT = "1";
  ({ enforceRateLimit } = await import("@/lib/http/rate-limit"));
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("enforceRateLimit", () => {
  it("lets a user send CHAT_RATE_LIMIT turns a minute, then answers 429 with Retry-After and a sentence", async () => {
    const user = randomUUID();
    for (let turn = 0; turn < 3; turn += 1) await enforceRateLimit("chat", user);
    const error = await refusal(enforceRateLimit("chat", user));
    expect(error.status).toBe(429);
    const wait = Number(error.headers?.["Retry-After"]);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(error.message).toMatch(/^You are sending messages faster than this Switchboard allows\. Try again in (\d+ seconds?|1 minute)\.$/);
    // Another user's budget is their own.
    await enforceRateLimit("chat", randomUUID());
  });

  it("keeps separate budgets for previews and OpenAPI parsing, each with its own sentence", async () => {
    const user = randomUUID();
    await enforceRateLimit("preview", user);
    await enforceRateLimit("preview", user);
    expect((await refusal(enforceRateLimit("preview", user))).message).toMatch(/^You are trying the assistant faster/);
    await enforceRateLimit("openApiParse", user);
    expect((await refusal(enforceRateLimit("openApiParse", user))).message).toMatch(/^You are checking action documents faster/);
    await enforceRateLimit("chat", user);
  });

  it("counts in PostgreSQL, so another instance (another pool and limiter) sees the same budget", async () => {
    const user = randomUUID();
    for (let turn = 0; turn < 3; turn += 1) await enforceRateLimit("chat", user);
    const { RateLimiterPostgres } = await import("rate-limiter-flexible");
    const pg = (await import("pg")).default;
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const otherInstance = new RateLimiterPostgres({ storeClient: pool, tableName: "rate_limits", tableCreated: true, keyPrefix: "user_chat", points: 3, duration: 60 });
    expect((await otherInstance.get(user))?.consumedPoints).toBe(3);
    await pool.end();
  });
});
