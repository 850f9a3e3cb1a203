// Database test (npm test provides TEST_DATABASE_URL): the one-statement reads of a chat turn.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const { db } = await import("@/lib/db/client");
const { loadTurnContext, resolveTurnModel } = await import("@/lib/db/turn-reads");
const { beginTurn } = await import("@/lib/db/turn-writes");

let alice = "";
let bob = "";
const endpointIds: string[] = [];

async function model(name: string, options: { enabled?: boolean; endpointEnabled?: boolean } = {}) {
  const endpoint = await db.endpoint.create({
    data: { name: `E ${name}`, kind: "openai_compatible", preset: "custom", baseUrl: "http://127.0.0.1:9/v1", enabled: options.endpointEnabled ?? true },
  });
  endpointIds.push(endpoint.id);
  return db.model.create({ data: { endpointId: endpoint.id, name, enabled: options.enabled ?? true } });
}

beforeAll(async () => {
  alice = (await db.user.create({ data: { email: `alice-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
  bob = (await db.user.create({ data: { email: `bob-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [alice, bob] } } });
  await db.endpoint.deleteMany({ where: { id: { in: endpointIds } } });
  await db.$disconnect();
});

describe("turn reads", () => {
  it("load a conversation with its messages in order, for its owner only", async () => {
    const conversationId = randomUUID();
    const assistantId = randomUUID();
    const questionId = randomUUID();
    await beginTurn({
      userId: alice,
      conversationId,
      create: { title: "T" },
      userMessage: { id: questionId, parts: [{ type: "text", text: "Hi" }], parentId: null },
      assistant: { id: assistantId, parentId: questionId, modelId: randomUUID(), modelName: "M", endpointName: "E" },
      runnerId: "1",
      pickedModelId: null,
    });
    const { conversation: loaded } = await loadTurnContext(alice, conversationId, null);
    expect(loaded?.messages.map((message) => [message.role, message.status])).toEqual([
      ["user", "complete"],
      ["assistant", "streaming"],
    ]);
    expect(loaded?.messages[0]?.parts).toEqual([{ type: "text", text: "Hi" }]);
    // The tree the branches are read from: the answer follows the question and is the selected leaf.
    expect(loaded?.messages.map((message) => message.parentId)).toEqual([null, questionId]);
    expect(loaded?.activeLeafId).toBe(assistantId);
    expect((await loadTurnContext(bob, conversationId, null)).conversation).toBeNull();
  });

  it("read the conversation and its model in one go: the requested model, else the conversation's, else the default", async () => {
    await db.setting.deleteMany({ where: { key: "defaultModelId" } });
    const picked = await model(`picked-${randomUUID()}`);
    const requested = await model(`requested-${randomUUID()}`);
    const fallback = await model(`fallback-${randomUUID()}`);
    await db.setting.create({ data: { key: "defaultModelId", value: fallback.id } });
    const conversationId = randomUUID();
    const questionId = randomUUID();
    await beginTurn({
      userId: alice,
      conversationId,
      create: { title: "T" },
      userMessage: { id: questionId, parts: [{ type: "text", text: "Hi" }], parentId: null },
      assistant: { id: randomUUID(), parentId: questionId, modelId: picked.id, modelName: "M", endpointName: "E" },
      runnerId: "1",
      pickedModelId: picked.id,
    });

    const mine = await loadTurnContext(alice, conversationId, null);
    expect(mine.conversation?.modelId).toBe(picked.id);
    expect(mine.model?.id).toBe(picked.id);
    expect(mine.model?.endpoint.updatedAt).toBeInstanceOf(Date);
    expect((await loadTurnContext(alice, conversationId, requested.id)).model?.id).toBe(requested.id);
    // Someone else's conversation reads as none, and its model choice does not leak into theirs.
    const theirs = await loadTurnContext(bob, conversationId, null);
    expect(theirs.conversation).toBeNull();
    expect(theirs.model?.id).toBe(fallback.id);
    const fresh = await loadTurnContext(alice, null, null);
    expect(fresh.conversation).toBeNull();
    expect(fresh.model?.id).toBe(fallback.id);
    await db.setting.deleteMany({ where: { key: "defaultModelId" } });
  });

  it("resolve the requested model, else the default, else any enabled one; never a disabled one", async () => {
    await db.setting.deleteMany({ where: { key: "defaultModelId" } });
    await model(`first-${randomUUID()}`);
    const chosen = await model(`chosen-${randomUUID()}`);
    const fallback = await model(`default-${randomUUID()}`);
    const off = await model(`off-${randomUUID()}`, { enabled: false });
    const offEndpoint = await model(`off-endpoint-${randomUUID()}`, { endpointEnabled: false });
    await db.setting.create({ data: { key: "defaultModelId", value: fallback.id } });

    const resolved = await resolveTurnModel(chosen.id);
    expect(resolved?.id).toBe(chosen.id);
    expect(resolved?.endpoint.updatedAt).toBeInstanceOf(Date);
    expect((await resolveTurnModel(null))?.id).toBe(fallback.id);
    expect((await resolveTurnModel(off.id))?.id).toBe(fallback.id);
    expect((await resolveTurnModel(offEndpoint.id))?.id).toBe(fallback.id);
    await db.setting.deleteMany({ where: { key: "defaultModelId" } });
    const any = await resolveTurnModel(null);
    expect(any).not.toBeNull();
    expect([off.id, offEndpoint.id]).not.toContain(any?.id);
  });
});
