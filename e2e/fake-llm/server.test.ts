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
    // OpenAI sends `usage: null` on the other chunks; only the last one, without choices, carries it.
    if (chunk.usage) {
      expect(chunk.choices).toEqual([]);
      usage = chunk.usage;
    }
  }
  return { content, chunks, usage };
}

describe("fake LLM server (checked with the openai client)", () => {
  it("lists models", async () => {
    const list = await client.models.list();
    expect(list.data.map((model) => model.id)).toEqual(["m-one", "m-two"]);
    expect((await client.models.retrieve("m-two")).owned_by).toBe("fake");
    await expect(client.models.retrieve("nope")).rejects.toBeInstanceOf(OpenAI.NotFoundError);
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

    const quiet = await client.responses.create({ model: "m-one", input: "hush [[no-usage]]" });
    expect(quiet.output_text).toBe("[T] Echo: hush");
    expect(quiet.usage ?? null).toBeNull();
  });

  it("streams a Responses function call in argument fragments, then answers its output", async () => {
    const stream = await client.responses.create({ model: "m-one", input: [{ role: "user", content: [{ type: "input_text", text: 'when? [[tool:get_time {"zone":"UTC"}]]' }] }], stream: true });
    const types: string[] = [];
    let args = "";
    let done: { name: string; arguments: string } | undefined;
    let item: OpenAI.Responses.ResponseOutputItem | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "response.function_call_arguments.delta") args += event.delta;
      if (event.type === "response.function_call_arguments.done") done = event;
      if (event.type === "response.output_item.done") item = event.item;
    }
    expect(types.filter((type) => type === "response.function_call_arguments.delta").length).toBeGreaterThan(1);
    expect(types.at(-1)).toBe("response.completed");
    expect(JSON.parse(args)).toEqual({ zone: "UTC" });
    expect(done?.name).toBe("get_time");
    expect(item?.type === "function_call" ? [item.name, item.call_id.startsWith("call_")] : null).toEqual(["get_time", true]);

    const followUp = await client.responses.create({
      model: "m-one",
      input: [
        { role: "user", content: "when?" },
        { type: "function_call", call_id: "call_1", name: "get_time", arguments: args },
        { type: "function_call_output", call_id: "call_1", output: "12:00" },
      ],
    });
    expect(followUp.output_text).toBe("[T] Tool result: 12:00");
  });

  it("fails like OpenAI: 401 for a wrong key, 500, and 429 with Retry-After", async () => {
    const wrong = new OpenAI({ baseURL: guarded.url, apiKey: "sk-wrong-key-999999", maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(wrong.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      status: 401,
      code: "invalid_api_key",
      message: expect.stringContaining("Incorrect API key provided"),
    });
    const right = new OpenAI({ baseURL: guarded.url, apiKey: "sk-right-key-123456", maxRetries: 0 });
    expect((await right.models.list()).data.length).toBeGreaterThan(0);

    const error500 = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "[[status:500]]" }] }).catch((error: unknown) => error);
    expect(error500).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error500).toMatchObject({ status: 500, type: "server_error" });
    const error429 = await client.chat.completions
      .create({ model: "m", messages: [{ role: "user", content: "[[status:429 retry-after=2]]" }] })
      .catch((error: unknown) => error);
    expect(error429).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error429).toMatchObject({ status: 429, code: "rate_limit_exceeded" });
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

  it("drops even short replies, breaks JSON mid-stream, and stalls until the client gives up", async () => {
    // Silent, because the SDK logs every frame it cannot parse before throwing.
    const quiet = new OpenAI({ baseURL: fake.url, apiKey: "anything", maxRetries: 0, logLevel: "off" });
    const drain = async (text: string, api: "chat" | "responses" = "chat") => {
      const stream =
        api === "chat"
          ? await quiet.chat.completions.create({ model: "m", messages: [{ role: "user", content: text }], stream: true })
          : await quiet.responses.create({ model: "m", input: text, stream: true });
      for await (const chunk of stream) void chunk;
    };
    await expect(drain("hi [[drop:50]]")).rejects.toThrow();
    await expect(drain("hi [[drop:1]]", "responses")).rejects.toThrow();
    await expect(drain("x [[malformed]]")).rejects.toThrow(SyntaxError);
    await expect(drain("x [[malformed]]", "responses")).rejects.toThrow(SyntaxError);
    await expect(client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "[[drop:0]]" }] })).rejects.toBeInstanceOf(OpenAI.APIConnectionError);

    const stalled = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "a b c [[stall]]" }], stream: true });
    let received = "";
    const reading = (async () => {
      for await (const chunk of stalled) received += chunk.choices[0]?.delta.content ?? "";
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toBe("[T] ");
    stalled.controller.abort();
    await reading;
    // The server is still healthy after the client walked away from a stalled stream.
    expect((await collectChat("after", false)).content).toBe("[T] Echo: after");
  });

  it("stalls mid-answer after N chunks with [[stall:N]], until the client gives up", async () => {
    const stalled = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "a b c d e [[stall:3]]" }], stream: true });
    let received = "";
    const reading = (async () => {
      for await (const chunk of stalled) received += chunk.choices[0]?.delta.content ?? "";
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toBe("[T] Echo: a ");
    stalled.controller.abort();
    await reading;
    expect((await collectChat("after", false)).content).toBe("[T] Echo: after");
  });

  it("records requests, also for other processes", async () => {
    fake.clearRequests();
    await client.chat.completions.create({ model: "m-two", messages: [{ role: "user", content: "recorded" }] });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.path).toBe("/v1/chat/completions");
    const viaControl = (await (await fetch(fake.url.replace("/v1", "/__control/requests"))).json()) as unknown[];
    expect(viaControl).toHaveLength(1);
    expect(viaControl[0]).toMatchObject({ method: "POST", path: "/v1/chat/completions", body: { model: "m-two" } });
    const cleared = await fetch(fake.url.replace("/v1", "/__control/requests"), { method: "DELETE" });
    expect(cleared.status).toBe(200);
    expect(fake.requests).toHaveLength(0);
  });
});
