import { describe, expect, it } from "vitest";
import { fromResponseInput } from "@/lib/api/response-input";
import { AppError } from "@/lib/errors";
import { responsesRequestSchema, type ResponsesRequest } from "@/lib/schemas/openai-api";

const inputOf = (input: unknown): ResponsesRequest["input"] => responsesRequestSchema.parse({ model: "m", input }).input;

describe("Responses input -> model messages", () => {
  it("takes a string as one user message, after the client's instructions", () => {
    expect(fromResponseInput("Hello", "Be brief.")).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hello" },
    ]);
    expect(fromResponseInput("Hello", null)).toEqual([{ role: "user", content: "Hello" }]);
  });

  it("puts the instructions before the client's own system and developer messages", () => {
    const messages = fromResponseInput(
      inputOf([
        { role: "developer", content: "Answer in French." },
        { role: "user", content: [{ type: "input_text", text: "Hi" }] },
      ]),
      "Be brief.",
    );
    expect(messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "system", content: "Answer in French." },
      { role: "user", content: [{ type: "text", text: "Hi" }] },
    ]);
  });

  it("keeps images as URLs and earlier answers as assistant text", () => {
    const messages = fromResponseInput(
      inputOf([
        { type: "message", role: "user", content: [{ type: "input_text", text: "What is this?" }, { type: "input_image", image_url: "https://example.com/cat.png" }] },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "A cat.", annotations: [] }] },
        { role: "user", content: "Sure?" },
      ]),
    );
    expect(messages).toEqual([
      { role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image", image: new URL("https://example.com/cat.png") }] },
      { role: "assistant", content: [{ type: "text", text: "A cat." }] },
      { role: "user", content: "Sure?" },
    ]);
  });

  it("joins a turn's function calls into one assistant message and their outputs into one tool message", () => {
    const messages = fromResponseInput(
      inputOf([
        { role: "user", content: "Weather in Oslo and Rome?" },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "Checking." }] },
        { type: "function_call", call_id: "call_1", name: "weather", arguments: '{"city":"Oslo"}' },
        { type: "function_call", call_id: "call_2", name: "weather", arguments: '{"city":"Rome"}' },
        { type: "function_call_output", call_id: "call_1", output: "4°C" },
        { type: "function_call_output", call_id: "call_2", output: [{ type: "input_text", text: "21°C" }] },
      ]),
    );
    expect(messages).toEqual([
      { role: "user", content: "Weather in Oslo and Rome?" },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Checking." },
          { type: "tool-call", toolCallId: "call_1", toolName: "weather", input: { city: "Oslo" } },
          { type: "tool-call", toolCallId: "call_2", toolName: "weather", input: { city: "Rome" } },
        ],
      },
      {
        role: "tool",
        content: [
          { type: "tool-result", toolCallId: "call_1", toolName: "weather", output: { type: "text", value: "4°C" } },
          { type: "tool-result", toolCallId: "call_2", toolName: "weather", output: { type: "text", value: "21°C" } },
        ],
      },
    ]);
  });

  it("starts a new assistant message for calls after a user message", () => {
    const messages = fromResponseInput(
      inputOf([
        { type: "function_call", call_id: "a", name: "f", arguments: "" },
        { type: "function_call_output", call_id: "a", output: "1" },
        { role: "user", content: "Again" },
        { type: "function_call", call_id: "b", name: "f", arguments: "{}" },
      ]),
    );
    expect(messages.map((message) => message.role)).toEqual(["assistant", "tool", "user", "assistant"]);
    expect(messages[0]).toEqual({ role: "assistant", content: [{ type: "tool-call", toolCallId: "a", toolName: "f", input: {} }] });
  });

  it("refuses an output for a call no item made, naming the item", () => {
    const run = () => fromResponseInput(inputOf([{ role: "user", content: "Hi" }, { type: "function_call_output", call_id: "nope", output: "x" }]));
    expect(run).toThrow(AppError);
    expect(run).toThrow(/Input item 2 .*"nope"/);
  });

  it("refuses an image that is not an http(s) or data URL", () => {
    expect(() => fromResponseInput(inputOf([{ role: "user", content: [{ type: "input_image", image_url: "file:///etc/passwd" }] }]))).toThrow(/Image 1/);
  });
});
