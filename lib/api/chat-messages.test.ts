import { describe, expect, it } from "vitest";
import { fromChatMessages, parseArguments, textOf } from "@/lib/api/chat-messages";

describe("fromChatMessages", () => {
  it("keeps system messages where they are and names tool results after the call they answer", () => {
    const messages = fromChatMessages([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "Hi " }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }] },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: "Sunny" },
      { role: "developer", content: [{ type: "text", text: "Answer in French." }] },
    ]);
    expect(messages[0]).toEqual({ role: "system", content: "Be brief." });
    expect(messages[1]).toMatchObject({ role: "user", content: [{ type: "text", text: "Hi " }, { type: "image" }] });
    expect(messages[2]).toEqual({ role: "assistant", content: [{ type: "tool-call", toolCallId: "call_1", toolName: "get_weather", input: { city: "Oslo" } }] });
    expect(messages[3]).toEqual({ role: "tool", content: [{ type: "tool-result", toolCallId: "call_1", toolName: "get_weather", output: { type: "text", value: "Sunny" } }] });
    expect(messages[4]).toEqual({ role: "system", content: "Answer in French." });
  });

  it("refuses a tool result for a call nobody made, and an image that is not a URL", () => {
    expect(() => fromChatMessages([{ role: "tool", tool_call_id: "nope", content: "x" }])).toThrow(/no earlier assistant message made/);
    expect(() => fromChatMessages([{ role: "user", content: [{ type: "image_url", image_url: { url: "file:///etc/passwd" } }] }])).toThrow(/https URL or a data: URL/);
    expect(() => fromChatMessages([{ role: "user", content: [{ type: "image_url", image_url: { url: "not a url" } }] }])).toThrow(/no valid URL/);
  });

  it("reads text parts and tolerates arguments that are not JSON", () => {
    expect(textOf([{ type: "text", text: "a" }, { type: "refusal", refusal: "b" }])).toBe("ab");
    expect(textOf(null)).toBe("");
    expect(parseArguments("")).toEqual({});
    expect(parseArguments("{oops")).toBe("{oops");
  });
});
