// Database test (TEST_DATABASE_URL): the sign-in limits on the shared PostgreSQL table. A stranger's
// failures must lock only the stranger; spreading attempts over addresses must hit the account ceiling.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const email = () => `throttle-${randomUUID()}@example.test`;

afterAll(async () => {
  const { limiterPool } = await import("@/lib/auth/throttle");
  await limiterPool().query(`DELETE FROM rate_limits WHERE key LIKE 'signin_%throttle-%'`);
  await limiterPool().end();
});

describe("sign-in throttling", () => {
  it("locks the account from the failing address only; the owner's address still gets in", async () => {
    const { recordSignInFailure, signInBlockedFor, SIGN_IN_LIMITS } = await import("@/lib/auth/throttle");
    const victim = email();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress.points; i += 1) await recordSignInFailure(victim, "192.0.2.66");
    const wait = await signInBlockedFor(victim, "192.0.2.66");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(await signInBlockedFor(victim, "127.0.0.1")).toBeNull();
    expect(warn.mock.calls.map((call) => String(call[0]))).toContain(
      `[switchboard] Sign-in locked for 15 min after 5 failures (account from this address): account ${victim}, address 192.0.2.66`,
    );
    warn.mockRestore();
  });

  it("keeps a looser per-account ceiling across addresses, and logs it", async () => {
    const { recordSignInFailure, signInBlockedFor, SIGN_IN_LIMITS } = await import("@/lib/auth/throttle");
    const target = email();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    // Spread thin: never 5 from one address, but 50 in all.
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i += 1) await recordSignInFailure(target, `198.51.100.${i}`);
    expect(await signInBlockedFor(target, "203.0.113.200")).toBeGreaterThan(59 * 60);
    expect(warn.mock.calls.some((call) => String(call[0]).includes("(account from all addresses)"))).toBe(true);
    warn.mockRestore();
  });

  it("a success clears that address's count for the account", async () => {
    const { clearSignInFailures, recordSignInFailure, signInBlockedFor } = await import("@/lib/auth/throttle");
    const user = email();
    for (let i = 0; i < 5; i += 1) await recordSignInFailure(user, "192.0.2.10");
    expect(await signInBlockedFor(user, "192.0.2.10")).not.toBeNull();
    await clearSignInFailures(user, "192.0.2.10");
    expect(await signInBlockedFor(user, "192.0.2.10")).toBeNull();
  });
});
