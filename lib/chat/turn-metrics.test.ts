import type { TextStreamPart, ToolSet } from "ai";
import { describe, expect, it } from "vitest";
import { catchStreamErrors } from "@/lib/chat/catch-stream-errors";
import { createTurnMetrics, tokenCount } from "@/lib/chat/turn-metrics";

const usage = {
  inputTokens: 12,
  inputTokenDetails: { noCacheTokens: 12, cacheReadTokens: undefined, cacheWriteTokens: undefined },
  outputTokens: 7,
  outputTokenDetails: { textTokens: 7, reasoningTokens: undefined },
  totalTokens: 19,
};

async function run(parts: TextStreamPart<ToolSet>[], times: number[]) {
  let call = 0;
  const { metrics, observe } = createTurnMetrics(() => times[Math.min(call++, times.length - 1)] ?? 0);
  const source = new ReadableStream<TextStreamPart<ToolSet>>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
  const seen: TextStreamPart<ToolSet>[] = [];
  const reader = catchStreamErrors(source, (error): TextStreamPart<ToolSet> => ({ type: "error", error }), observe).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) seen.push(next.value);
  return { metrics, seen };
}

describe("createTurnMetrics", () => {
  it("records the first token's time and the total usage, and passes every part through", async () => {
    const parts = [
      { type: "start" },
      { type: "text-start", id: "t" },
      { type: "text-delta", id: "t", text: "" },
      { type: "text-delta", id: "t", text: "Hel" },
      { type: "text-delta", id: "t", text: "lo" },
      { type: "finish", finishReason: "stop", rawFinishReason: "stop", totalUsage: usage },
    ] as TextStreamPart<ToolSet>[];
    // now() is called at creation (1000), then at the first non-empty delta (1250).
    const { metrics, seen } = await run(parts, [1000, 1250, 9999]);
    expect(seen).toEqual(parts);
    expect(metrics.startedAt).toBe(1000);
    expect(metrics.firstTokenAt).toBe(1250);
    expect(metrics.usage?.outputTokens).toBe(7);
    expect(metrics.hasError).toBe(false);
  });

  it("keeps the first error", async () => {
    const first = new Error("first");
    const { metrics } = await run(
      [
        { type: "error", error: first },
        { type: "error", error: new Error("second") },
      ] as TextStreamPart<ToolSet>[],
      [0],
    );
    expect(metrics.hasError).toBe(true);
    expect(metrics.error).toBe(first);
    expect(metrics.firstTokenAt).toBeNull();
  });
});

describe("tokenCount", () => {
  it("keeps whole non-negative numbers and turns the rest into null", () => {
    expect(tokenCount(5)).toBe(5);
    expect(tokenCount(undefined)).toBeNull();
    expect(tokenCount(Number.NaN)).toBeNull();
    expect(tokenCount(-1)).toBeNull();
  });
});
