import { describe, expect, it } from "vitest";
import { estimateTokens, FALLBACK_CONTEXT_WINDOW, fitHistory, historyBudget, messageTokens } from "@/lib/chat/fit-history";
import type { ChatUIMessage } from "@/lib/types/chat";

function text(index: number, value: string): ChatUIMessage {
  return { id: `m${index}`, role: index % 2 === 0 ? "user" : "assistant", parts: [{ type: "text", text: value }] };
}

/** A conversation of `count` messages of about `tokens` estimated tokens each, starting with a user message. */
function conversation(count: number, chars = 300): ChatUIMessage[] {
  return Array.from({ length: count }, (_, index) => text(index, `${index} ${"x".repeat(chars)}`));
}

describe("fitHistory", () => {
  it("sends a short conversation whole", () => {
    const history = conversation(6);
    expect(fitHistory(history, { contextWindow: 8_192 })).toEqual({ history, omitted: 0 });
  });

  it("keeps the latest turns of a long conversation within the window and counts what it left out", () => {
    const history = conversation(1_000, 300);
    const { history: sent, omitted } = fitHistory(history, { contextWindow: 8_192 });
    expect(sent.length).toBeLessThan(100);
    expect(sent.length).toBeGreaterThan(10);
    expect(omitted).toBe(1_000 - sent.length);
    expect(sent.at(-1)).toBe(history.at(-1));
    expect(sent).toEqual(history.slice(omitted));
    const used = sent.reduce((sum, message) => sum + messageTokens(message), 0);
    expect(used).toBeLessThanOrEqual(historyBudget({ contextWindow: 8_192 }));
  });

  it("starts what it sends with a user message", () => {
    // 999 messages: the last is a user message, so an even cut would start on an answer.
    for (const count of [999, 1_000]) {
      const { history: sent } = fitHistory(conversation(count), { contextWindow: 4_096 });
      expect(sent[0]?.role).toBe("user");
    }
  });

  it("leaves room for the instructions, the answer and the tools", () => {
    const history = conversation(400);
    const plain = fitHistory(history, { contextWindow: 16_384 });
    const instructed = fitHistory(history, { contextWindow: 16_384, instructions: "y".repeat(9_000), maxOutputTokens: 4_000, toolCount: 3 });
    expect(instructed.omitted).toBeGreaterThan(plain.omitted);
    expect(historyBudget({ contextWindow: 16_384, instructions: "y".repeat(9_000), maxOutputTokens: 4_000, toolCount: 3 })).toBe(
      16_384 - 4_000 - estimateTokens("y".repeat(9_000)) - 900,
    );
  });

  it("always sends the new question, even when it alone is larger than the window", () => {
    const history = [...conversation(4), text(4, "z".repeat(100_000))];
    const { history: sent, omitted } = fitHistory(history, { contextWindow: 4_096 });
    expect(sent).toEqual([history[4]]);
    expect(omitted).toBe(4);
  });

  it("assumes a conservative window when the model's is unknown", () => {
    const history = conversation(1_000, 1_000);
    const { history: sent } = fitHistory(history, { contextWindow: null });
    const used = sent.reduce((sum, message) => sum + messageTokens(message), 0);
    expect(used).toBeLessThanOrEqual(FALLBACK_CONTEXT_WINDOW);
    expect(sent.length).toBeLessThan(1_000);
  });

  it("counts tool calls by their inputs and results", () => {
    const call: ChatUIMessage = {
      id: "t",
      role: "assistant",
      parts: [{ type: "tool-fetch_page", toolCallId: "c1", state: "output-available", input: { url: "http://x" }, output: "o".repeat(3_000) }],
    };
    expect(messageTokens(call)).toBeGreaterThan(1_000);
  });
});
