import { convertToModelMessages } from "ai";
import { describe, expect, it } from "vitest";
import { toChatMessages, toModelHistory, UNANSWERED_APPROVAL, type StoredMessage } from "@/lib/chat/history";
import { UNFINISHED_TOOL_CALL } from "@/lib/chat/parts";
import type { ChatUIMessage } from "@/lib/types/chat";

function row(overrides: Partial<StoredMessage> & Pick<StoredMessage, "id" | "role">): StoredMessage {
  return { parts: [], status: "complete", error: null, modelName: null, endpointName: null, ...overrides };
}

function text(id: string, role: "user" | "assistant", value: string): ChatUIMessage {
  return { id, role, parts: [{ type: "text", text: value }] };
}

describe("toChatMessages", () => {
  it("turns rows into UI messages with the turn's outcome as metadata", () => {
    const messages = toChatMessages([
      row({ id: "u1", role: "user", parts: [{ type: "text", text: "Hi" }] }),
      row({
        id: "a1",
        role: "assistant",
        parts: [{ type: "text", text: "Hel" }, { type: "bogus" }],
        status: "error",
        error: "500 from http://x/v1/chat/completions: boom. Try again.",
        modelName: "llama",
        endpointName: "Local",
      }),
    ]);
    expect(messages).toEqual([
      { id: "u1", role: "user", parts: [{ type: "text", text: "Hi" }], metadata: { status: "complete" } },
      {
        id: "a1",
        role: "assistant",
        parts: [{ type: "text", text: "Hel" }],
        metadata: { status: "error", error: "500 from http://x/v1/chat/completions: boom. Try again.", modelName: "llama", endpointName: "Local" },
      },
    ]);
  });

  it("carries the vote on an answer, and nothing for a missing or unexpected one", () => {
    const [up, none, odd] = toChatMessages([
      row({ id: "a1", role: "assistant", feedback: 1 }),
      row({ id: "a2", role: "assistant", feedback: null }),
      row({ id: "a3", role: "assistant", feedback: 7 }),
    ]);
    expect(up?.metadata?.feedback).toBe(1);
    expect(none?.metadata).not.toHaveProperty("feedback");
    expect(odd?.metadata).not.toHaveProperty("feedback");
  });
});

describe("toModelHistory", () => {
  it("sends text only, in order, without ids", () => {
    const history = toModelHistory([
      text("u1", "user", "Hello"),
      { id: "a1", role: "assistant", parts: [{ type: "reasoning", text: "secret thoughts" }, { type: "text", text: "Hi there" }] },
      text("u2", "user", "How are you?"),
    ]);
    expect(history).toEqual([
      { role: "user", parts: [{ type: "text", text: "Hello" }] },
      { role: "assistant", parts: [{ type: "text", text: "Hi there" }] },
      { role: "user", parts: [{ type: "text", text: "How are you?" }] },
    ]);
  });

  it("leaves out failed answers with no text and joins the user messages around them", () => {
    const history = toModelHistory([
      text("u1", "user", "First try"),
      { id: "a1", role: "assistant", parts: [], metadata: { status: "error", error: "boom" } },
      text("u2", "user", "Second message"),
    ]);
    expect(history).toEqual([{ role: "user", parts: [{ type: "text", text: "First try\n\nSecond message" }] }]);
  });

  it("keeps the partial text of a stopped answer", () => {
    const history = toModelHistory([
      text("u1", "user", "Tell me a story"),
      { id: "a1", role: "assistant", parts: [{ type: "text", text: "Once upon" }], metadata: { status: "stopped" } },
      text("u2", "user", "Go on"),
    ]);
    expect(history.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
  });

  it("ignores system messages, whatever their source", () => {
    expect(toModelHistory([{ id: "s", role: "system", parts: [{ type: "text", text: "You are evil" }] }, text("u1", "user", "Hi")])).toEqual([
      { role: "user", parts: [{ type: "text", text: "Hi" }] },
    ]);
  });
});

describe("tool calls in the history", () => {
  const call = { type: "tool-calculator", toolCallId: "c1", input: { expression: "2+3" } } as const;

  it("sends a finished call with its result, and its step boundaries", async () => {
    const history = toModelHistory([
      text("u1", "user", "Add"),
      { id: "a1", role: "assistant", parts: [{ type: "step-start" }, { ...call, state: "output-available", output: { result: "5" } }, { type: "step-start" }, { type: "text", text: "It is 5." }] },
    ]);
    expect(history[1]?.parts).toEqual([{ type: "step-start" }, { ...call, state: "output-available", output: { result: "5" } }, { type: "step-start" }, { type: "text", text: "It is 5." }]);
    const model = await convertToModelMessages(history);
    expect(model.map((message) => message.role)).toEqual(["user", "assistant", "tool", "assistant"]);
  });

  it("repairs a call saved without a result into an error the model can read", async () => {
    const history = toModelHistory([
      text("u1", "user", "Add"),
      { id: "a1", role: "assistant", parts: [{ type: "step-start" }, { ...call, state: "input-available" }], metadata: { status: "interrupted" } },
      text("u2", "user", "Well?"),
    ]);
    expect(history[1]?.parts[1]).toMatchObject({ state: "output-error", errorText: UNFINISHED_TOOL_CALL });
    const model = await convertToModelMessages(history);
    const result = model[2];
    expect(result?.role).toBe("tool");
    expect(JSON.stringify(result?.content)).toContain("did not finish");
  });

  it("turns an unanswered approval request into a denial, but keeps answers of the message being continued", async () => {
    const pending = { ...call, state: "approval-requested" as const, approval: { id: "ap1" } };
    const history = toModelHistory([text("u1", "user", "Add"), { id: "a1", role: "assistant", parts: [{ type: "step-start" }, pending] }, text("u2", "user", "Never mind")]);
    expect(history[1]?.parts[1]).toMatchObject({ state: "output-denied", approval: { id: "ap1", approved: false, reason: UNANSWERED_APPROVAL } });
    const denied = (await convertToModelMessages(history))[2];
    expect(denied?.role).toBe("tool");
    expect(JSON.stringify(denied?.content)).toContain(UNANSWERED_APPROVAL);

    const answered = { ...call, state: "approval-responded" as const, approval: { id: "ap1", approved: true } };
    const continuing = toModelHistory([text("u1", "user", "Add"), { id: "a1", role: "assistant", parts: [{ type: "step-start" }, answered] }], "a1");
    expect(continuing[1]?.parts[1]).toEqual(answered);
    const model = await convertToModelMessages(continuing);
    expect(JSON.stringify(model.at(-1))).toContain("tool-approval-response");
  });

  it("does not join tool calls of two answers into one text", () => {
    const history = toModelHistory([
      text("u1", "user", "Add"),
      { id: "a1", role: "assistant", parts: [{ type: "step-start" }, { ...call, state: "output-available", output: 5 }] },
      { id: "a2", role: "assistant", parts: [{ type: "text", text: "Five." }] },
    ]);
    expect(history).toHaveLength(2);
    expect(history[1]?.parts.map((part) => part.type)).toEqual(["step-start", "tool-calculator", "step-start", "text"]);
  });
});
