// Checks the fake's wire formats with the official openai client, so it cannot drift from the real protocol.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "./server";

let fake: FakeLlm;
let guarded: FakeLlm;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeLlm({ replyPrefix: "[T]", models: ["m-one", "m-two"] });
  guarded = await startFakeLlm({ apiKey: "sk-right-key-123456" });
  client = new OpenAI({ baseURL: fake.url, apiKey: "anything", maxRetries: 0 });
});

afterAll(async () => {
  await fake.close();
  await guarded.close();
});

async function collectChat(text: string, includeUsage: boolean) {
  const stream = await client.chat.completions.create({
    model: "m-one",
    messages: [{ role: "user", content: text }],
    stream: true,
    ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
  });
  let content = "";
  let chunks = 0;
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    chunks += 1;
    content += chunk.choices[0]?.delta.content ?? "";
    if (chunk.usage) usage = chunk.usage;
  }
  return { content, chunks, usage };
}

describe("fake LLM server (checked with the openai client)", () => {
  it("lists models", async () => {
    const list = await client.models.list();
    expect(list.data.map((model) => model.id)).toEqual(["m-one", "m-two"]);
  });

  it("answers chat completions without streaming, with usage", async () => {
    const completion = await client.chat.completions.create({ model: "m-one", messages: [{ role: "user", content: "hi there" }] });
    expect(completion.choices[0]?.message.content).toBe("[T] Echo: hi there");
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("streams chat completions in several chunks; usage only when asked", async () => {
    const plain = await collectChat("one two three four", false);
    expect(plain.content).toBe("[T] Echo: one two three four");
    expect(plain.chunks).toBeGreaterThan(4);
    expect(plain.usage).toBeUndefined();
    const withUsage = await collectChat("one two", true);
    expect(withUsage.usage?.total_tokens).toBeGreaterThan(0);
    const refused = await collectChat("one [[no-usage]]", true);
    expect(refused.usage).toBeUndefined();
  });

  it("streams a tool call whose arguments arrive in fragments, then answers the tool result", async () => {
    const stream = await client.chat.completions.create({
      model: "m-one",
      messages: [{ role: "user", content: 'add [[tool:calculator {"expression":"2+3"}]]' }],
      tools: [{ type: "function", function: { name: "calculator", parameters: { type: "object", properties: { expression: { type: "string" } } } } }],
      stream: true,
    });
    let name = "";
    let args = "";
    let fragments = 0;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0];
      if (call?.function?.name) name = call.function.name;
      if (call?.function?.arguments) {
        args += call.function.arguments;
        fragments += 1;
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(name).toBe("calculator");
    expect(JSON.parse(args)).toEqual({ expression: "2+3" });
    expect(fragments).toBeGreaterThan(1);
    expect(finish).toBe("tool_calls");

    const followUp = await client.chat.completions.create({
      model: "m-one",
      messages: [
        { role: "user", content: "add" },
        { role: "assistant", tool_calls: [{ id: "call_1", type: "function", function: { name: "calculator", arguments: args } }] },
        { role: "tool", tool_call_id: "call_1", content: "5" },
      ],
    });
    expect(followUp.choices[0]?.message.content).toBe("[T] Tool result: 5");
  });

  it("calls a tool forced through tool_choice with arguments that fit its schema", async () => {
    const completion = await client.chat.completions.create({
      model: "m-one",
      messages: [{ role: "user", content: "please" }],
      tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: { label: { type: "string" } }, required: ["label"] } } }],
      tool_choice: { type: "function", function: { name: "lookup" } },
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === "function" ? call.function.name : null).toBe("lookup");
    expect(call?.type === "function" ? JSON.parse(call.function.arguments) : null).toEqual({ label: "test" });
  });

  it("speaks the Responses API, streaming and not, including function calls", async () => {
    const response = await client.responses.create({ model: "m-one", input: "hello responses" });
    expect(response.output_text).toBe("[T] Echo: hello responses");
    expect(response.usage?.output_tokens).toBeGreaterThan(0);

    const stream = await client.responses.create({ model: "m-one", input: [{ role: "user", content: "streamed words here" }], stream: true });
    let text = "";
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      if (event.type === "response.output_text.delta") text += event.delta;
      if (event.type === "response.completed") completed = event.response;
    }
    expect(text).toBe("[T] Echo: streamed words here");
    expect(completed?.usage?.total_tokens).toBeGreaterThan(0);

    const call = await client.responses.create({
      model: "m-one",
      input: 'x [[tool:get_time {"zone":"UTC"}]]',
      tools: [{ type: "function", name: "get_time", parameters: { type: "object", properties: { zone: { type: "string" } } }, strict: false }],
    });
    const item = call.output[0];
    expect(item?.type).toBe("function_call");
    if (item?.type === "function_call") expect(JSON.parse(item.arguments)).toEqual({ zone: "UTC" });
  });

  it("fails like OpenAI: 401 for a wrong key, 500, and 429 with Retry-After", async () => {
    const wrong = new OpenAI({ baseURL: guarded.url, apiKey: "sk-wrong-key-999999", maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const right = new OpenAI({ baseURL: guarded.url, apiKey: "sk-right-key-123456", maxRetries: 0 });
    expect((await right.models.list()).data.length).toBeGreaterThan(0);

    const error500 = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "[[status:500]]" }] }).catch((error: unknown) => error);
    expect(error500).toBeInstanceOf(OpenAI.InternalServerError);
    const error429 = await client.chat.completions
      .create({ model: "m", messages: [{ role: "user", content: "[[status:429 retry-after=2]]" }] })
      .catch((error: unknown) => error);
    expect(error429).toBeInstanceOf(OpenAI.RateLimitError);
    if (error429 instanceof OpenAI.APIError) expect(error429.headers?.get("retry-after")).toBe("2");
  });

  it("fails once with 429 and succeeds when the client retries", async () => {
    const retrying = new OpenAI({ baseURL: fake.url, apiKey: "x", maxRetries: 2 });
    const completion = await retrying.chat.completions.create({ model: "m", messages: [{ role: "user", content: "again [[status:429-once]]" }] });
    expect(completion.choices[0]?.message.content).toBe("[T] Echo: again");
  });

  it("drops the connection mid-stream when asked", async () => {
    const stream = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "a b c d e f [[drop:2]]" }], stream: true });
    await expect(
      (async () => {
        for await (const chunk of stream) void chunk;
      })(),
    ).rejects.toThrow();
  });

  it("records requests, also for other processes", async () => {
    fake.clearRequests();
    await client.chat.completions.create({ model: "m-two", messages: [{ role: "user", content: "recorded" }] });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.path).toBe("/v1/chat/completions");
    const viaControl = (await (await fetch(fake.url.replace("/v1", "/__control/requests"))).json()) as unknown[];
    expect(viaControl).toHaveLength(1);
  });
});
