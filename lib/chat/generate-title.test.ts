// Titles from the model after the first answer, against the fake OpenAI-compatible server: the
// cleaned answer, the first words when the model fails or answers junk, and a user's rename wins.
// Database test (npm test provides TEST_DATABASE_URL).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@/e2e/fake-llm/server";
import type { ResolvedModel } from "@/lib/ai/models";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const { db } = await import("@/lib/db/client");
const { generateTitle, titleConversation } = await import("@/lib/chat/generate-title");

let fake: FakeLlm;
let model: ResolvedModel;
let userId = "";

beforeAll(async () => {
  fake = await startFakeLlm({ models: ["title-model"] });
  const endpoint = await db.endpoint.create({ data: { name: "Title fake", kind: "openai_compatible", preset: "custom", baseUrl: fake.url, timeoutMs: 5_000 } });
  const row = await db.model.create({ data: { endpointId: endpoint.id, name: "title-model", enabled: true, source: "manual" } });
  model = { id: row.id, name: row.name, label: row.name, toolsOk: null, endpoint };
  userId = (await db.user.create({ data: { email: `titles-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: userId } });
  await db.endpoint.deleteMany({ where: { id: model.endpoint.id } });
  await fake.close();
  await db.$disconnect();
});

describe("generateTitle", () => {
  it("asks the model with a short instruction and cleans its answer", async () => {
    const before = fake.requests.length;
    expect(await generateTitle(model, '[[reply:Title: "Trip to Lisbon".]] plan my trip')).toBe("Trip to Lisbon");
    const request = fake.requests.slice(before).find((item) => item.path === "/v1/chat/completions");
    expect(request?.body).toMatchObject({ model: "title-model", max_tokens: 20, messages: [{ role: "system" }, { role: "user", content: '[[reply:Title: "Trip to Lisbon".]] plan my trip' }] });
  });

  it("falls back to the first words when the model fails or answers junk", async () => {
    expect(await generateTitle(model, "[[status:400]] How do I bake bread?")).toBe("[[status:400]] How do I bake bread?");
    expect(await generateTitle(model, "[[reply:I'm sorry, I can't do that.]] bread")).toBe("[[reply:I'm sorry, I can't do that.]] bread");
    expect(await generateTitle(model, "[[reply:  ]] bread")).toBe("[[reply: ]] bread");
  });
});

describe("titleConversation", () => {
  async function conversation(title: string) {
    return (await db.conversation.create({ data: { userId, title } })).id;
  }

  it("replaces the title taken from the first words", async () => {
    const id = await conversation("[[reply:Bread baking]] how do I bake bread");
    await titleConversation({ userId, conversationId: id, modelId: model.id, currentTitle: "[[reply:Bread baking]] how do I bake bread", question: "[[reply:Bread baking]] how do I bake bread" });
    expect((await db.conversation.findUniqueOrThrow({ where: { id } })).title).toBe("Bread baking");
  });

  it("leaves a title the user chose, before or during the generation, and another user's conversation", async () => {
    const question = "[[reply:Generated]] question";
    const renamed = await conversation("My own title");
    const before = fake.requests.length;
    await titleConversation({ userId, conversationId: renamed, modelId: model.id, currentTitle: "My own title", question });
    expect(fake.requests.length).toBe(before);

    // Renamed while the model was asked: the rename wins.
    const racing = await conversation("My rename");
    await titleConversation({ userId, conversationId: racing, modelId: model.id, currentTitle: question, question });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: racing } })).title).toBe("My rename");

    const mine = await conversation(question);
    await titleConversation({ userId: randomUUID(), conversationId: mine, modelId: model.id, currentTitle: question, question });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: mine } })).title).toBe(question);
  });
});
