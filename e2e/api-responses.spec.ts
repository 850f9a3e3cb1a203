// POST /api/v1/responses through the official `openai` client, against the running app and the fake
// model server: answers streamed and not, a client function tool round trip, an assistant whose
// instructions reach the upstream first, storing on request, and failures before and after the start.
import OpenAI from "openai";
import { expect, test } from "./support/test";
import { startFakeLlm, type FakeLlm, type RecordedRequest } from "./fake-llm/server";
import { seedUser, signInViaApi, uniqueEmail } from "./support/accounts";
import { seedApiKey } from "./support/api-keys";
import { seedModel, userIdByEmail, withDatabase } from "./support/seed";

const MODEL = "responses-model";

let fake: FakeLlm;
let account: { email: string; password: string };
let userId: string;
let apiKey: string;
let modelId: string;

test.beforeAll(async () => {
  fake = await startFakeLlm({ replyPrefix: "[R]" });
  ({ modelId } = await seedModel({ baseUrl: fake.url, endpointName: "Responses fake", modelName: MODEL, makeDefault: false }));
  account = await seedUser(uniqueEmail("responses"));
  userId = await userIdByEmail(account.email);
  apiKey = (await seedApiKey(userId)).key;
});

test.afterAll(async () => {
  await fake.close();
});

const clientFor = (baseURL: string | undefined) => new OpenAI({ apiKey, baseURL: `${baseURL}/api/v1`, maxRetries: 0 });

type UpstreamMessage = { role: string; content: unknown };

/** The request the fake model server received whose messages mention `marker`, read from its control endpoint. */
async function upstreamRequest(marker: string): Promise<{ model?: string; messages: UpstreamMessage[]; temperature?: number; max_tokens?: number }> {
  const res = await fetch(`${fake.url.replace(/\/v1$/, "")}/__control/requests`);
  const requests = (await res.json()) as RecordedRequest[];
  const found = requests.filter((req) => req.path === "/v1/chat/completions" && JSON.stringify(req.body).includes(marker));
  expect(found, `one upstream request mentions ${marker}`).toHaveLength(1);
  return found[0]?.body as { messages: UpstreamMessage[] };
}

const conversationCount = () =>
  withDatabase(async (client) => Number((await client.query<{ count: string }>(`SELECT count(*) FROM "Conversation" WHERE "userId" = $1`, [userId])).rows[0]?.count));

test("responses.create answers with the model's text, usage and the settings passed on", async ({ baseURL }) => {
  const response = await clientFor(baseURL).responses.create({
    model: MODEL,
    input: "marker-plain [[reply:Hello from the fake]]",
    temperature: 0.3,
    max_output_tokens: 50,
  });
  expect(response.object).toBe("response");
  expect(response.id).toMatch(/^resp_/);
  expect(response.status).toBe("completed");
  expect(response.model).toBe(MODEL);
  expect(response.output_text).toBe("Hello from the fake");
  expect(response.output).toEqual([
    expect.objectContaining({ type: "message", role: "assistant", status: "completed", content: [expect.objectContaining({ type: "output_text", text: "Hello from the fake", annotations: [] })] }),
  ]);
  expect(response.usage?.input_tokens).toBeGreaterThan(0);
  expect(response.usage?.output_tokens).toBeGreaterThan(0);
  expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0));

  const sent = await upstreamRequest("marker-plain");
  expect(sent.model).toBe(MODEL);
  expect(sent.temperature).toBe(0.3);
  expect(sent.max_tokens).toBe(50);
  expect(sent.messages).toEqual([{ role: "user", content: "marker-plain [[reply:Hello from the fake]]" }]);
});

test("responses.stream delivers the text as deltas and a completed final response", async ({ baseURL }) => {
  const stream = clientFor(baseURL).responses.stream({ model: MODEL, input: "marker-stream [[reply:One two three four five]]" });
  const deltas: string[] = [];
  stream.on("response.output_text.delta", (event) => deltas.push(event.delta));
  const final = await stream.finalResponse();
  expect(deltas.length).toBeGreaterThan(1);
  expect(deltas.join("")).toBe("One two three four five");
  expect(final.status).toBe("completed");
  expect(final.output_text).toBe("One two three four five");
  expect(final.usage?.output_tokens).toBeGreaterThan(0);
});

test("create({ stream: true }) sends OpenAI's event sequence with increasing sequence numbers", async ({ baseURL }) => {
  const stream = await clientFor(baseURL).responses.create({ model: MODEL, input: "marker-events [[reply:Just this]]", stream: true });
  const events: OpenAI.Responses.ResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  const types = events.map((event) => event.type).filter((type, index, all) => type !== all[index - 1]);
  expect(types).toEqual([
    "response.created",
    "response.in_progress",
    "response.output_item.added",
    "response.content_part.added",
    "response.output_text.delta",
    "response.output_text.done",
    "response.content_part.done",
    "response.output_item.done",
    "response.completed",
  ]);
  expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
  const completed = events.at(-1);
  expect(completed?.type === "response.completed" && completed.response.usage?.total_tokens).toBeGreaterThan(0);
});

test("a client function tool round trip: function_call item, then the answer to its output", async ({ baseURL }) => {
  const client = clientFor(baseURL);
  const tools: OpenAI.Responses.FunctionTool[] = [
    { type: "function", name: "get_weather", description: "The weather in a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] }, strict: false },
  ];
  const question = 'marker-tool Weather in Oslo? [[tool:get_weather {"city":"Oslo"}]]';
  // The call streamed, as agents usually read it.
  const first = await client.responses.stream({ model: MODEL, input: question, tools }).finalResponse();
  expect(first.status).toBe("completed");
  const call = first.output.find((item) => item.type === "function_call");
  expect(call).toMatchObject({ type: "function_call", name: "get_weather", status: "completed" });
  if (call?.type !== "function_call") throw new Error("no function call");
  expect(JSON.parse(call.arguments)).toEqual({ city: "Oslo" });
  expect(call.call_id).toBeTruthy();
  expect(call.id).toMatch(/^fc_/);

  const second = await client.responses.create({
    model: MODEL,
    tools,
    input: [{ role: "user", content: question }, call, { type: "function_call_output", call_id: call.call_id, output: "4°C and sunny" }],
  });
  expect(second.output_text).toBe("[R] Tool result: 4°C and sunny");

  // Upstream, the call and its result are one assistant message and one tool message.
  const requests = (await (await fetch(`${fake.url.replace(/\/v1$/, "")}/__control/requests`)).json()) as RecordedRequest[];
  const answered = requests.filter((req) => JSON.stringify(req.body).includes("4°C and sunny")).at(-1)?.body as { messages: Array<{ role: string; tool_call_id?: string; tool_calls?: Array<{ id: string }> }> };
  expect(answered.messages.map((message) => message.role)).toEqual(["user", "assistant", "tool"]);
  expect(answered.messages[1]?.tool_calls?.[0]?.id).toBe(call.call_id);
  expect(answered.messages[2]?.tool_call_id).toBe(call.call_id);
});

test("an assistant as the model: its instructions reach the upstream first, before the client's", async ({ page, baseURL }) => {
  await signInViaApi(page, account.email, account.password);
  const instructions = "You are the Responses test assistant. Always be kind.";
  const created = await page.request.post("/api/assistants", {
    data: { name: "Responses helper", description: "", instructions, starters: [], modelId, avatar: { type: "emoji", value: "🛰️" } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { assistant } = (await created.json()) as { assistant: { id: string } };
  const slug = await withDatabase(async (client) => (await client.query<{ slug: string }>(`SELECT slug FROM "Assistant" WHERE id = $1`, [assistant.id])).rows[0]?.slug);
  expect(slug).toBeTruthy();

  const response = await clientFor(baseURL).responses.create({
    model: `assistant:${slug}`,
    instructions: "Client instructions: answer in one line.",
    input: [{ role: "user", content: [{ type: "input_text", text: "marker-assistant [[reply:Kindly done]]" }] }],
  });
  expect(response.model).toBe(`assistant:${slug}`);
  expect(response.output_text).toBe("Kindly done");
  expect(response.instructions).toBe("Client instructions: answer in one line.");

  const sent = await upstreamRequest("marker-assistant");
  expect(sent.model).toBe(MODEL);
  expect(sent.messages[0]).toEqual({ role: "system", content: instructions });
  expect(sent.messages.filter((message) => message.role === "system").map((message) => message.content)).toEqual([instructions, "Client instructions: answer in one line."]);
  expect(sent.messages.at(-1)?.role).toBe("user");
});

test("an exchange is kept in the sidebar only when the request asks for it", async ({ baseURL }) => {
  const client = clientFor(baseURL);
  const before = await conversationCount();
  await client.responses.create({ model: MODEL, input: "marker-unstored [[reply:Not kept]]" });
  expect(await conversationCount()).toBe(before);
  await client.responses.create({ model: MODEL, input: "marker-stored [[reply:Kept]]", store: true });
  expect(await conversationCount()).toBe(before + 1);
  await client.responses.create({ model: MODEL, input: "marker-header [[reply:Kept too]]" }, { headers: { "X-Switchboard-Store": "1" } });
  expect(await conversationCount()).toBe(before + 2);
});

test("an upstream failure before the first token is a retryable HTTP status; after it, the stream ends failed", async ({ baseURL }) => {
  const client = clientFor(baseURL);
  await expect(client.responses.create({ model: MODEL, input: "marker-fail [[status:500]]" })).rejects.toMatchObject({ status: 502 });
  await expect(client.responses.create({ model: MODEL, input: "marker-fail-stream [[status:500]]", stream: true })).rejects.toMatchObject({ status: 502 });

  const stream = await client.responses.create({ model: MODEL, input: "marker-drop [[drop:2]] [[reply:one two three four five six]]", stream: true });
  const events: OpenAI.Responses.ResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  expect(events.map((event) => event.type)).toContain("response.output_text.delta");
  expect(events.slice(-2).map((event) => event.type)).toEqual(["error", "response.failed"]);
  const failed = events.at(-1);
  expect(failed?.type === "response.failed" && failed.response.status).toBe("failed");
  expect(failed?.type === "response.failed" && failed.response.error?.code).toBe("server_error");
});

test("a bad key is an AuthenticationError and an unknown model a NotFoundError", async ({ baseURL }) => {
  const wrongKey = new OpenAI({ apiKey: "sb_AAAAAAAA_" + "x".repeat(43), baseURL: `${baseURL}/api/v1`, maxRetries: 0 });
  await expect(wrongKey.responses.create({ model: MODEL, input: "Hi" })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  await expect(clientFor(baseURL).responses.create({ model: "no-such-model", input: "Hi" })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  await expect(clientFor(baseURL).responses.create({ model: MODEL, input: "Hi", previous_response_id: "resp_123" })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
});
