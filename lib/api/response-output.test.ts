// The builder's events and final object read through the official `openai` SDK: its stream helper
// (which refuses unknown events and checks indexes) and its non-streaming `output_text`.
import OpenAI from "openai";
import type { Response as OpenAiResponse } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { ResponseBuilder, responseEcho, type ResponseStreamEvent } from "@/lib/api/response-output";
import { sseFrame, sseResponse } from "@/lib/api/sse";
import { responsesRequestSchema } from "@/lib/schemas/openai-api";

const body = responsesRequestSchema.parse({
  model: "assistant:helper",
  input: "Hi",
  instructions: "Be brief.",
  tools: [{ type: "function", name: "weather", parameters: { type: "object", properties: { city: { type: "string" } } } }],
  metadata: { run: "1" },
});
const run = { id: "resp_test", created: 1_700_000_000, model: "assistant:helper" };
const usage = { inputTokens: 12, outputTokens: 5 };

function clientAnswering(events: ResponseStreamEvent[] | object): OpenAI {
  return new OpenAI({
    apiKey: "sb_test",
    baseURL: "http://switchboard.test/api/v1",
    maxRetries: 0,
    fetch: async () => {
      if (!Array.isArray(events)) return Response.json(events);
      async function* frames() {
        for (const event of events as ResponseStreamEvent[]) yield sseFrame(event, event.type);
      }
      return sseResponse(frames());
    },
  });
}

function textTurn(builder: ResponseBuilder): ResponseStreamEvent[] {
  return [...builder.start(), ...builder.text("Hello"), ...builder.text(" there"), ...builder.finish("stop", usage, 1_700_000_001_000)];
}

describe("Responses output", () => {
  it("is a Response as the SDK types it, with output_text once the SDK reads it", async () => {
    const builder = new ResponseBuilder(run, responseEcho(body, false));
    textTurn(builder);
    const response = builder.response();
    const typed: Omit<OpenAiResponse, "output_text" | "usage"> = response;
    expect(typed.status).toBe("completed");
    const read = await clientAnswering(response).responses.create({ model: run.model, input: "Hi" });
    expect(read.output_text).toBe("Hello there");
    expect(read.usage).toEqual({ input_tokens: 12, input_tokens_details: { cached_tokens: 0 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 17 });
    expect(read.output[0]).toMatchObject({ type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text: "Hello there", annotations: [] }] });
    expect(read.instructions).toBe("Be brief.");
    expect(read.completed_at).toBe(1_700_000_001);
  });

  it("streams events the SDK's stream helper accumulates into the final response", async () => {
    const builder = new ResponseBuilder(run, responseEcho(body, false));
    const events = textTurn(builder);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    expect(events.map((event) => event.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const stream = clientAnswering(events).responses.stream({ model: run.model, input: "Hi" });
    const deltas: string[] = [];
    stream.on("response.output_text.delta", (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas).toEqual(["Hello", " there"]);
    expect(final.output_text).toBe("Hello there");
    expect(final.status).toBe("completed");
    expect(final.usage?.total_tokens).toBe(17);
    // What was announced is not changed afterwards by later events.
    expect(events[0]).toMatchObject({ response: { status: "in_progress", output: [], usage: null } });
    expect(events[2]).toMatchObject({ item: { status: "in_progress", content: [] } });
  });

  it("streams a function call as its own item after the text before it", async () => {
    const builder = new ResponseBuilder(run, responseEcho(body, false));
    const events = [...builder.start(), ...builder.text("Checking."), ...builder.toolCall({ id: "call_1", name: "weather", arguments: '{"city":"Oslo"}' }), ...builder.finish("tool_calls", usage)];
    const final = await clientAnswering(events).responses.stream({ model: run.model, input: "Hi" }).finalResponse();
    expect(final.output).toHaveLength(2);
    expect(final.output[0]).toMatchObject({ type: "message", status: "completed", content: [{ text: "Checking." }] });
    expect(final.output[1]).toMatchObject({ type: "function_call", call_id: "call_1", name: "weather", arguments: '{"city":"Oslo"}', status: "completed" });
    expect(final.output[1]?.id).toMatch(/^fc_/);
    expect(final.output_text).toBe("Checking.");
  });

  it("ends a cut answer as incomplete, naming the reason", async () => {
    const builder = new ResponseBuilder(run, responseEcho(body, false));
    const events = [...builder.start(), ...builder.text("Once upon"), ...builder.finish("length", usage)];
    expect(events.at(-1)?.type).toBe("response.incomplete");
    const final = await clientAnswering(events).responses.stream({ model: run.model, input: "Hi" }).finalResponse();
    expect(final.status).toBe("incomplete");
    expect(final.incomplete_details).toEqual({ reason: "max_output_tokens" });
    expect(final.output[0]).toMatchObject({ status: "incomplete" });
  });

  it("ends a failed stream with an error event and response.failed, as OpenAI does", async () => {
    const builder = new ResponseBuilder(run, responseEcho(body, false));
    const events = [
      ...builder.start(),
      ...builder.text("Half"),
      ...builder.fail({ code: "upstream_error", message: "The model server failed.", param: null, responseCode: "server_error" }),
    ];
    expect(events.slice(-2).map((event) => event.type)).toEqual(["error", "response.failed"]);
    expect(events.at(-2)).toMatchObject({ code: "upstream_error", message: "The model server failed.", param: null });
    // The stream helper turns the error event into a rejection with its message.
    await expect(clientAnswering(events).responses.stream({ model: run.model, input: "Hi" }).finalResponse()).rejects.toThrow("The model server failed.");
    // A client reading the raw events sees both, and the failed response keeps what came before.
    const raw = await clientAnswering(events).responses.create({ model: run.model, input: "Hi", stream: true });
    const seen: string[] = [];
    let failed: OpenAiResponse | null = null;
    for await (const event of raw) {
      seen.push(event.type);
      if (event.type === "response.failed") failed = event.response;
    }
    expect(seen.slice(-2)).toEqual(["error", "response.failed"]);
    expect(failed).toMatchObject({ status: "failed", error: { code: "server_error", message: "The model server failed." } });
    expect(failed?.output[0]).toMatchObject({ type: "message", status: "incomplete", content: [{ text: "Half" }] });
  });
});
