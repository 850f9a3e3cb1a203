// Database test (npm test provides TEST_DATABASE_URL): the runner's turn leases survive a dropped
// lock connection (it is killed for real with pg_terminate_backend), and a sweep gives a runner
// that is reconnecting a grace period before it marks its turns interrupted.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

const url = connectTestDatabase();

const { db } = await import("@/lib/db/client");
const { takeTurnLease, sweepInterruptedTurns } = await import("@/lib/chat/runner");

const admin = new pg.Client({ connectionString: url });
let userId = "";

/** The backend holding a lease's lock, or null when nobody holds it. */
async function lockHolder(leaseId: string): Promise<number | null> {
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 774203 AND objid = $1::int AND objsubid = 2 AND granted",
    [Number(leaseId)],
  );
  return rows[0]?.pid ?? null;
}

beforeAll(async () => {
  await admin.connect();
  userId = (await db.user.create({ data: { email: `runner-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: userId } });
  await db.$disconnect();
  await admin.end();
});

describe("the runner's leases", () => {
  it("are taken again at once when the lock connection is killed", async () => {
    const lease = await takeTurnLease();
    const before = await lockHolder(lease.id);
    expect(before).not.toBeNull();

    await admin.query("SELECT pg_terminate_backend($1)", [before]);
    // At once: within seconds (on a busy machine), not at the next turn.
    // pg_terminate_backend only signals the backend: wait for another backend to hold the lock.
    await expect.poll(async () => { const holder = await lockHolder(lease.id); return holder !== null && holder !== before; }, { timeout: 10_000, interval: 100 }).toBe(true);
    expect(await lockHolder(lease.id)).not.toBe(before);

    await lease.release();
    expect(await lockHolder(lease.id)).toBeNull();
  });
});

describe("the sweep", () => {
  it("leaves a turn whose lease is free alone during the grace period (its runner may be reconnecting), then marks it interrupted", async () => {
    const conversation = await db.conversation.create({ data: { userId, title: "Grace" } });
    // A lease nobody holds right now: from outside, a runner that is reconnecting looks the same.
    const answer = await db.message.create({ data: { conversationId: conversation.id, role: "assistant", parts: [], status: "streaming", runnerId: "616161" } });

    expect(await sweepInterruptedTurns({ conversationId: conversation.id })).toBe(0);
    expect(await sweepInterruptedTurns()).toBe(0);
    expect((await db.message.findUnique({ where: { id: answer.id } }))?.status).toBe("streaming");

    // Still free once the grace is over: the runner is gone.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await sweepInterruptedTurns({ conversationId: conversation.id, graceMs: 300 })).toBe(1);
    expect((await db.message.findUnique({ where: { id: answer.id } }))?.status).toBe("interrupted");
  });
});
