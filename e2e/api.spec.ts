// The OpenAI-compatible API (/api/v1) as its clients see it: the official `openai` npm client and
// the AI SDK's openai-compatible provider, pointed at the running app with a personal API key, and
// the fake model server behind it recording what reached "upstream". Node-side only: no browser.
import { randomUUID } from "node:crypto";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";
import OpenAI from "openai";
import { expect, test } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { seedUser, uniqueEmail } from "./support/accounts";
import { seedApiKey, seedAssistant } from "./support/api-keys";
import { seedModel, userIdByEmail, withDatabase, type SeededModel } from "./support/seed";

let fake: FakeLlm;
let model: SeededModel;
let disabledModelName: string;
let owner: { id: string; key: string; keyId: string };
let other: { id: string; key: string };
let assistant: { slug: string };
let toolAssistant: { slug: string };
let othersPrivate: { slug: string };
let shared: { slug: string };

const INSTRUCTIONS = "You are the API test assistant. Always answer in haiku.";
const baseURL = () => `${test.info().project.use.baseURL}/api/v1`;
const client = (apiKey: string, options: { maxRetries?: number } = {}) => new OpenAI({ apiKey, baseURL: baseURL(), maxRetries: options.maxRetries ?? 0, timeout: 20_000 });

type UpstreamMessage = { role: string; content: unknown };
/** The messages of the last completion request the fake model server received whose text includes `marker`. */
function upstreamMessages(marker: string): UpstreamMessage[] {
  const request = [...fake.requests].reverse().find((entry) => entry.path.endsWith("/chat/completions") && JSON.stringify(entry.body).includes(marker));
  expect(request, `no upstream request mentioning ${marker}`).toBeTruthy();
  return (request?.body as { messages: UpstreamMessage[] }).messages;
}

test.beforeAll(async () => {
  fake = await startFakeLlm({ replyPrefix: "[API]" });
  const suffix = randomUUID().slice(0, 6);
  model = await seedModel({ baseUrl: fake.url, endpointName: `API fake ${suffix}`, modelName: `api-model-${suffix}`, makeDefault: false });
  // A model that is configured but disabled: never listed, never usable.
  disabledModelName = `api-disabled-${suffix}`;
  await withDatabase((db) =>
    db.query(`INSERT INTO "Model" (id, "endpointId", name, enabled, source, "updatedAt") VALUES ($1, $2, $3, false, 'manual', now())`, [randomUUID(), model.endpointId, disabledModelName]),
  );
  const ownerEmail = uniqueEmail("api-owner");
  const otherEmail = uniqueEmail("api-other");
  await seedUser(ownerEmail);
  await seedUser(otherEmail);
  const ownerId = await userIdByEmail(ownerEmail);
  const otherId = await userIdByEmail(otherEmail);
  const ownerKey = await seedApiKey(ownerId);
  owner = { id: ownerId, key: ownerKey.key, keyId: ownerKey.id };
  other = { id: otherId, key: (await seedApiKey(otherId)).key };
  assistant = await seedAssistant({ creatorId: ownerId, name: "Haiku helper", instructions: INSTRUCTIONS, modelId: model.modelId });
  toolAssistant = await seedAssistant({ creatorId: ownerId, name: "Calculating helper", tools: ["calculator"], modelId: model.modelId });
  othersPrivate = await seedAssistant({ creatorId: otherId, name: "Someone else's secret helper", instructions: "Secret instructions", modelId: model.modelId });
  shared = await seedAssistant({ creatorId: otherId, name: "Org helper", visibility: "organisation", modelId: model.modelId });
});

test.afterAll(async () => {
  await fake.close();
});

test("models.list shows the enabled models and the assistants the key's user may use, and nothing else", async () => {
  const ids = [];
  for await (const entry of client(owner.key).models.list()) ids.push(entry.id);
  expect(ids).toContain(model.modelName);
  expect(ids).not.toContain(disabledModelName);
  expect(ids).toContain(`assistant:${assistant.slug}`);
  expect(ids).toContain(`assistant:${shared.slug}`);
  expect(ids).not.toContain(`assistant:${othersPrivate.slug}`);
  // Every plain model listed is enabled on an enabled endpoint (other specs add their own).
  const enabled = await withDatabase(async (db) => {
    const { rows } = await db.query<{ name: string }>(`SELECT m.name FROM "Model" m JOIN "Endpoint" e ON e.id = m."endpointId" WHERE m.enabled AND e.enabled`);
    return new Set(rows.map((row) => row.name));
  });
  for (const id of ids.filter((entry) => !entry.startsWith("assistant:"))) expect(enabled.has(id.split("/").at(-1) ?? id)).toBe(true);

  const one = await client(owner.key).models.retrieve(`assistant:${assistant.slug}`);
  expect(one.id).toBe(`assistant:${assistant.slug}`);
  await expect(client(owner.key).models.retrieve(`assistant:${othersPrivate.slug}`)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
});

test("chat.completions with an assistant: its instructions reach the model first, before the client's own system message", async () => {
  const marker = `marker-${randomUUID()}`;
  const completion = await client(owner.key).chat.completions.create({
    model: `assistant:${assistant.slug}`,
    messages: [
      { role: "system", content: "Client system message: be brief." },
      { role: "user", content: `Hello ${marker}` },
    ],
  });
  expect(completion.object).toBe("chat.completion");
  expect(completion.model).toBe(`assistant:${assistant.slug}`);
  expect(completion.choices[0]?.message.content).toBe(`[API] Echo: Hello ${marker}`);
  expect(completion.choices[0]?.finish_reason).toBe("stop");
  expect(completion.usage?.completion_tokens).toBeGreaterThan(0);

  const sent = upstreamMessages(marker);
  expect(sent[0]).toEqual({ role: "system", content: INSTRUCTIONS });
  expect(sent[1]).toEqual({ role: "system", content: "Client system message: be brief." });
  expect(sent.at(-1)?.role).toBe("user");
});

test("chat.completions streams, with usage when asked for, and is not kept in the sidebar unless store is set", async () => {
  const marker = `stream-${randomUUID()}`;
  const stream = await client(owner.key).chat.completions.create({
    model: `assistant:${assistant.slug}`,
    messages: [{ role: "user", content: `[[words:12]] ${marker}` }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = "";
  let chunks = 0;
  let usage: OpenAI.CompletionUsage | null | undefined = null;
  let finish: string | null | undefined = null;
  for await (const chunk of stream) {
    chunks += 1;
    text += chunk.choices[0]?.delta.content ?? "";
    finish ??= chunk.choices[0]?.finish_reason;
    if (chunk.usage) usage = chunk.usage;
  }
  expect(text).toBe("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12");
  expect(chunks).toBeGreaterThan(3);
  expect(finish).toBe("stop");
  expect(usage?.completion_tokens).toBeGreaterThan(0);

  const storedTitles = async () =>
    withDatabase(async (db) => (await db.query<{ title: string }>(`SELECT title FROM "Conversation" WHERE "userId" = $1`, [owner.id])).rows.map((row) => row.title));
  expect((await storedTitles()).some((title) => title.includes(marker))).toBe(false);

  const kept = `kept-${randomUUID()}`;
  await client(owner.key).chat.completions.create({ model: model.modelName, messages: [{ role: "user", content: `Remember ${kept}` }], store: true });
  await expect.poll(async () => (await storedTitles()).some((title) => title.includes(kept))).toBe(true);
  const answer = await withDatabase(async (db) => {
    const { rows } = await db.query<{ text: string; status: string }>(
      `SELECT m.parts->0->>'text' AS text, m.status FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
       WHERE c."userId" = $1 AND c.title LIKE $2 AND m.role = 'assistant'`,
      [owner.id, `%${kept}%`],
    );
    return rows[0];
  });
  expect(answer).toEqual({ text: `[API] Echo: Remember ${kept}`, status: "complete" });
});

test("an assistant's built-in tool runs on the server: the client sees only the final answer", async () => {
  const completion = await client(owner.key).chat.completions.create({
    model: `assistant:${toolAssistant.slug}`,
    messages: [{ role: "user", content: '[[tool:calculator {"expression":"6*7"}]] What is six times seven?' }],
  });
  const choice = completion.choices[0];
  expect(choice?.message.tool_calls ?? []).toEqual([]);
  expect(choice?.finish_reason).toBe("stop");
  expect(choice?.message.content).toContain("Tool result:");
  expect(choice?.message.content).toContain("42");
});

test("a client tool with a plain model round-trips: the call comes back, the result goes in, the answer uses it", async () => {
  const api = client(owner.key);
  const tools: OpenAI.ChatCompletionTool[] = [
    { type: "function", function: { name: "get_weather", description: "Weather in a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } },
  ];
  const question: OpenAI.ChatCompletionMessageParam = { role: "user", content: '[[tool:get_weather {"city":"Oslo"}]] Weather in Oslo?' };
  const first = await api.chat.completions.create({ model: model.modelName, messages: [question], tools });
  const call = first.choices[0]?.message.tool_calls?.[0];
  expect(first.choices[0]?.finish_reason).toBe("tool_calls");
  expect(call?.type).toBe("function");
  if (call?.type !== "function") throw new Error("expected a function call");
  expect(call.function.name).toBe("get_weather");
  expect(JSON.parse(call.function.arguments)).toEqual({ city: "Oslo" });

  const second = await api.chat.completions.create({
    model: model.modelName,
    tools,
    messages: [question, { role: "assistant", content: null, tool_calls: [call] }, { role: "tool", tool_call_id: call.id, content: "Sunny, 21 °C" }],
  });
  expect(second.choices[0]?.message.content).toContain("Sunny, 21 °C");

  // Streaming: the call arrives as tool_calls deltas the SDK assembles.
  const stream = await api.chat.completions.create({ model: model.modelName, messages: [question], tools, stream: true });
  let name = "";
  let args = "";
  let finish: string | null | undefined = null;
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta.tool_calls?.[0];
    name += delta?.function?.name ?? "";
    args += delta?.function?.arguments ?? "";
    finish ??= chunk.choices[0]?.finish_reason;
  }
  expect(name).toBe("get_weather");
  expect(JSON.parse(args)).toEqual({ city: "Oslo" });
  expect(finish).toBe("tool_calls");
});

test("refusals are OpenAI errors: a revoked key, another user's private assistant, an unknown model, a bad request", async () => {
  await expect(client(other.key).chat.completions.create({ model: `assistant:${othersPrivate.slug}`, messages: [{ role: "user", content: "hi" }] })).resolves.toBeTruthy();
  const secretSent = () => fake.requests.filter((entry) => JSON.stringify(entry.body).includes("Secret instructions")).length;
  const sentBefore = secretSent();
  const notFound = await client(owner.key)
    .chat.completions.create({ model: `assistant:${othersPrivate.slug}`, messages: [{ role: "user", content: "hi" }] })
    .catch((error: unknown) => error);
  expect(notFound).toBeInstanceOf(OpenAI.NotFoundError);
  expect((notFound as InstanceType<typeof OpenAI.NotFoundError>).message).toMatch(/does not exist or you do not have access/);
  // Nothing of the private assistant reached the model for the wrong user.
  expect(secretSent()).toBe(sentBefore);
  expect(sentBefore).toBeGreaterThan(0);

  await expect(client(owner.key).chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "hi" }] })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  const bad = await client(owner.key)
    .chat.completions.create({ model: model.modelName, messages: [] })
    .catch((error: unknown) => error);
  expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
  expect((bad as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ type: "invalid_request_error" });

  const { key, id } = await seedApiKey(owner.id, "to revoke");
  await expect(client(key).models.list()).resolves.toBeTruthy();
  await withDatabase((db) => db.query(`UPDATE "ApiKey" SET "revokedAt" = now() WHERE id = $1`, [id]));
  await expect(client(key).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  await expect(client(`${key.slice(0, -4)}AAAA`).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  await expect(client("sk-not-a-switchboard-key").models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
});

test("an admin's switches: API access off for a user gives 403, and a disabled user's key stops working", async () => {
  const email = uniqueEmail("api-switch");
  await seedUser(email);
  const id = await userIdByEmail(email);
  const { key } = await seedApiKey(id);
  await expect(client(key).models.list()).resolves.toBeTruthy();
  await withDatabase((db) => db.query(`UPDATE "User" SET "apiAccess" = false WHERE id = $1`, [id]));
  const denied = await client(key)
    .models.list()
    .catch((error: unknown) => error);
  expect(denied).toBeInstanceOf(OpenAI.PermissionDeniedError);
  expect((denied as Error).message).toMatch(/turned off API access/);
  await withDatabase((db) => db.query(`UPDATE "User" SET "apiAccess" = true, "disabledAt" = now() WHERE id = $1`, [id]));
  await expect(client(key).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
});

test("an upstream failing with 500 reaches the client as a retryable 502, and the client's own retry then succeeds", async () => {
  // The app retries a 5xx twice itself; the third 500 makes it answer 502.
  const failing = `[[status:500x3]] retry-${randomUUID()}`;
  const error = await client(owner.key)
    .chat.completions.create({ model: model.modelName, messages: [{ role: "user", content: failing }] })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.InternalServerError);
  expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
  expect((error as Error).message).toMatch(/model server answered with an error/);

  // Same failures, now with the SDK's default retry: its second attempt finds the model working.
  const recovering = `[[status:500x3]] recover-${randomUUID()}`;
  const before = fake.requests.length;
  const completion = await client(owner.key, { maxRetries: 2 }).chat.completions.create({ model: model.modelName, messages: [{ role: "user", content: recovering }] });
  expect(completion.choices[0]?.message.content).toContain("Echo:");
  expect(fake.requests.slice(before).filter((entry) => JSON.stringify(entry.body).includes(recovering))).toHaveLength(4);
});

test("usage is recorded per key, and last use is written in batches", async () => {
  const rows = await withDatabase(async (db) => (await db.query<{ requests: number; output: string }>(`SELECT requests, "outputTokens"::text AS output FROM "ApiUsage" WHERE "keyId" = $1`, [owner.keyId])).rows);
  expect(rows[0]?.requests ?? 0).toBeGreaterThan(3);
  expect(Number(rows[0]?.output ?? 0)).toBeGreaterThan(0);
  await expect
    .poll(async () => withDatabase(async (db) => (await db.query<{ used: Date | null }>(`SELECT "lastUsedAt" AS used FROM "ApiKey" WHERE id = $1`, [owner.keyId])).rows[0]?.used ?? null), {
      timeout: 20_000,
    })
    .not.toBeNull();
});

test("the AI SDK's openai-compatible provider can use an assistant as its model", async () => {
  const provider = createOpenAICompatible({ name: "switchboard", baseURL: baseURL(), apiKey: owner.key, includeUsage: true });
  const marker = `aisdk-${randomUUID()}`;
  const result = streamText({ model: provider.chatModel(`assistant:${assistant.slug}`), prompt: `Hi from the AI SDK ${marker}`, maxRetries: 0 });
  let text = "";
  for await (const delta of result.textStream) text += delta;
  expect(text).toBe(`[API] Echo: Hi from the AI SDK ${marker}`);
  expect((await result.usage).outputTokens).toBeGreaterThan(0);
  expect(upstreamMessages(marker)[0]).toEqual({ role: "system", content: INSTRUCTIONS });
});
