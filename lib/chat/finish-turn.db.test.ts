// Database test (npm test provides TEST_DATABASE_URL): a turn whose final write meets a database that
// is away. The app reaches PostgreSQL through a TCP proxy the test cuts, so connections really drop.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy } from "@/lib/testing/tcp-proxy";
import { connectTestDatabase } from "@/lib/testing/test-database";

const directUrl = connectTestDatabase();
const target = new URL(directUrl);
const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
process.env.DATABASE_URL = proxy.rewrite(directUrl);

const { db } = await import("@/lib/db/client");
const { beginTurn } = await import("@/lib/db/turn-writes");
const { finishTurn } = await import("@/lib/chat/finish-turn");
const { takeTurnLease, sweepInterruptedTurns, INTERRUPTED_MESSAGE } = await import("@/lib/chat/runner");

let userId = "";
const direct = new pg.Client({ connectionString: directUrl });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startTurn(conversationId: string, create: boolean) {
  const lease = await takeTurnLease();
  const answerId = randomUUID();
  const questionId = randomUUID();
  const result = await beginTurn({
    userId,
    conversationId,
    ...(create ? { create: { title: "Away" } } : {}),
    userMessage: { id: questionId, parts: [{ type: "text", text: "question" }], parentId: null },
    assistant: { id: answerId, parentId: questionId, modelId: randomUUID(), modelName: "Model", endpointName: "Endpoint" },
    runnerId: lease.id,
    pickedModelId: null,
  });
  return { lease, answerId, result };
}

function record(conversationId: string, answerId: string, text: string) {
  return {
    id: answerId,
    userId,
    conversationId,
    parts: [{ type: "text" as const, text }],
    status: "complete" as const,
    error: null,
    modelId: null,
    modelName: "Model",
    endpointName: "Endpoint",
    inputTokens: 3,
    outputTokens: 2,
    ttftMs: 10,
    durationMs: 20,
  };
}

async function answerRow(id: string) {
  const { rows } = await direct.query<{ status: string; parts: unknown; error: string | null }>('SELECT status, parts, error FROM "Message" WHERE id = $1', [id]);
  return rows[0];
}

async function leaseIsFree(id: string): Promise<boolean> {
  const { rows } = await direct.query<{ free: boolean }>("SELECT pg_try_advisory_xact_lock(774203, $1::int) AS free", [Number(id)]);
  return rows[0]?.free === true;
}

beforeAll(async () => {
  await direct.connect();
  userId = (await db.user.create({ data: { email: `away-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
});

afterAll(async () => {
  proxy.restore();
  await db.user.deleteMany({ where: { id: userId } });
  await db.$disconnect();
  await direct.end();
  await proxy.close();
});

describe("the end of a turn while the database is away", () => {
  it("keeps the answer in memory and saves it once the database answers again", async () => {
    const conversationId = randomUUID();
    const { lease, answerId, result } = await startTurn(conversationId, true);
    expect(result).toBe("started");

    proxy.cut();
    const saving = finishTurn(record(conversationId, answerId, "the whole answer"), lease, { retryForMs: 30_000 });
    await sleep(1500);
    expect((await answerRow(answerId))?.status).toBe("streaming");
    proxy.restore();
    await saving;

    expect(await answerRow(answerId)).toEqual({ status: "complete", parts: [{ type: "text", text: "the whole answer" }], error: null });
    // The turn is over: its lease is free and the conversation takes the next message.
    expect(await leaseIsFree(lease.id)).toBe(true);
    const next = await startTurn(conversationId, false);
    expect(next.result).toBe("started");
    await finishTurn(record(conversationId, next.answerId, "next"), next.lease);
  });

  it("gives up after a bounded time: the lease is retired, the row ends interrupted with the partial answer, and the conversation takes the next message", async () => {
    const conversationId = randomUUID();
    const { lease, answerId } = await startTurn(conversationId, true);

    proxy.cut();
    const started = Date.now();
    await finishTurn(record(conversationId, answerId, "the partial answer"), lease, { retryForMs: 1500 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await answerRow(answerId))?.status).toBe("streaming");
    // Any instance's sweep now sees the turn's lease free (the lock connection reconnects without it).
    proxy.restore();
    expect(await leaseIsFree(lease.id)).toBe(true);

    // This instance's sweep writes the partial answer it kept.
    await sweepInterruptedTurns({ conversationId });
    expect(await answerRow(answerId)).toEqual({ status: "interrupted", parts: [{ type: "text", text: "the partial answer" }], error: INTERRUPTED_MESSAGE });
    const next = await startTurn(conversationId, false);
    expect(next.result).toBe("started");
    await finishTurn(record(conversationId, next.answerId, "next"), next.lease);
  });
});
