// Database test (npm test provides TEST_DATABASE_URL): every raw statement of the chat turn runs
// against the real schema and its rows parse with the schema beside it (lib/db/raw-rows.ts), so a
// schema change that breaks a statement's row type fails here instead of in a turn.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const { db } = await import("@/lib/db/client");
const rows = await import("@/lib/db/raw-rows");
const { turnContextStatement, turnModelStatement } = await import("@/lib/db/turn-reads");
const { beginTurn, beginTurnStatement, finishTurnStatement, resumeTurnStatement } = await import("@/lib/db/turn-writes");
const { leaseFreeStatement } = await import("@/lib/chat/runner");
type Statement = Parameters<typeof db.$queryRaw>[0];

let userId = "";
let endpointId = "";
let modelId = "";

/** Runs a statement and parses every row it returns (at least one) with its schema. */
async function parsedRows<T extends z.ZodType>(statement: Statement, schema: T): Promise<Array<z.infer<T>>> {
  const result = await db.$queryRaw<unknown[]>(statement);
  expect(result.length).toBeGreaterThan(0);
  return result.map((row) => schema.parse(row));
}

beforeAll(async () => {
  userId = (await db.user.create({ data: { email: `raw-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
  const endpoint = await db.endpoint.create({
    data: { name: `Raw ${randomUUID()}`, kind: "openai_compatible", preset: "custom", baseUrl: "http://127.0.0.1:9/v1", apiKeyCiphertext: "secret", headersCiphertext: null },
  });
  endpointId = endpoint.id;
  modelId = (await db.model.create({ data: { endpointId, name: "raw-model", displayName: "Raw", enabled: true } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: userId } });
  await db.endpoint.deleteMany({ where: { id: endpointId } });
  await db.$disconnect();
});

describe("the raw statements of a turn", () => {
  it("return rows their schemas accept", async () => {
    const conversationId = randomUUID();
    const answerId = randomUUID();
    const questionId = randomUUID();
    const start = {
      userId,
      conversationId,
      userMessage: { id: questionId, parts: [{ type: "text" as const, text: "question" }], parentId: null },
      assistant: { id: answerId, parentId: questionId, modelId, modelName: "Raw", endpointName: "Raw endpoint" },
      runnerId: "1",
      pickedModelId: modelId,
    };
    // A new conversation (the other form of the start) is an $executeRaw: it returns no rows.
    expect(await beginTurn({ ...start, create: { title: "Raw" } })).toBe("started");

    // Reads: the model alone, and the conversation with its messages and model.
    const [model] = await parsedRows(turnModelStatement(modelId), rows.modelRowSchema);
    expect(model).toMatchObject({ id: modelId, displayName: "Raw", kind: "openai_compatible", apiKeyCiphertext: "secret" });
    const [context] = await parsedRows(turnContextStatement(userId, conversationId, null), rows.turnContextRowSchema);
    expect(context?.id).toBe(modelId);
    expect(context?.conversation?.messages.map((message) => [message.role, message.status])).toEqual([
      ["user", "complete"],
      ["assistant", "streaming"],
    ]);
    // Nobody's conversation: no conversation, yet one row.
    const [none] = await parsedRows(turnContextStatement(randomUUID(), randomUUID(), null), rows.turnContextRowSchema);
    expect(none?.conversation).toBeNull();

    // Writes: the end of the turn, the start of the next (busy: one is streaming), a resume.
    const parts = [{ type: "tool-createPet" as const, toolCallId: "c1", state: "approval-requested" as const, input: {}, approval: { id: "ap1" } }];
    const finish = { userId, messageId: answerId, parts, status: "complete" as const, error: null, inputTokens: 1, outputTokens: 2, ttftMs: 3, durationMs: 4 };
    const nextQuestionId = randomUUID();
    const busyStart = {
      ...start,
      userMessage: { id: nextQuestionId, parts: start.userMessage.parts, parentId: answerId },
      assistant: { ...start.assistant, id: randomUUID(), parentId: nextQuestionId },
    };
    const [busy] = await parsedRows(beginTurnStatement(busyStart, new Date()), rows.beginTurnRowSchema);
    expect(busy).toEqual({ updated: 0, owned: true, duplicate: false });
    const [finished] = await parsedRows(finishTurnStatement(finish), rows.finishTurnRowSchema);
    expect(finished).toEqual({ title: "Raw", question: "question" });
    const resume = { userId, conversationId, messageId: answerId, parts, approvalIds: ["ap1"], runnerId: "1" };
    const [resumed] = await parsedRows(resumeTurnStatement(resume, new Date()), rows.resumeTurnRowSchema);
    expect(resumed).toEqual({ updated: 1, owned: true, busy: false });
    const [again] = await parsedRows(finishTurnStatement({ ...finish, retiredLease: "1" }), rows.finishTurnRowSchema);
    expect(again?.title).toBe("Raw");
    const [started] = await parsedRows(beginTurnStatement(busyStart, new Date()), rows.beginTurnRowSchema);
    expect(started).toEqual({ updated: 1, owned: true, duplicate: false });

    // The runner's lease check.
    const [lease] = await parsedRows(leaseFreeStatement(919191), rows.leaseFreeRowSchema);
    expect(lease).toEqual({ free: true });
  });
});
