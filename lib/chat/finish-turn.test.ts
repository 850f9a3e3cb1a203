import { describe, expect, it } from "vitest";
import { assistantRecord, turnStatus } from "@/lib/chat/finish-turn";
import type { TurnMetrics } from "@/lib/chat/turn-metrics";

const model = {
  id: "11111111-1111-4111-8111-111111111111",
  label: "Llama 3",
  endpoint: {
    id: "22222222-2222-4222-8222-222222222222",
    name: "Local",
    kind: "openai_compatible" as const,
    baseUrl: "http://127.0.0.1:4010/v1",
    useChatCompletions: false,
    apiKeyCiphertext: null,
    headersCiphertext: null,
    timeoutMs: 60_000,
    idleTimeoutMs: 60_000,
    updatedAt: new Date(0),
  },
};

function metrics(overrides: Partial<TurnMetrics> = {}): TurnMetrics {
  return { startedAt: 1000, firstTokenAt: 1120.4, usage: null, error: undefined, hasError: false, ...overrides };
}

describe("turnStatus", () => {
  it("is stopped when the user stopped, even if the abort surfaced as an error", () => {
    expect(turnStatus({ stopped: true, failure: "aborted" })).toEqual({ status: "stopped", error: null });
  });
  it("is error with the sentence when the model call failed", () => {
    expect(turnStatus({ stopped: false, failure: "500 from x" })).toEqual({ status: "error", error: "500 from x" });
  });
  it("is complete otherwise", () => {
    expect(turnStatus({ stopped: false, failure: null })).toEqual({ status: "complete", error: null });
  });
});

describe("assistantRecord", () => {
  it("keeps the partial text, the error, the model and the timings", () => {
    const record = assistantRecord({
      userId: "u",
      conversationId: "c",
      message: { id: "m", parts: [{ type: "step-start" }, { type: "text", text: "Partial", state: "streaming" }] },
      model,
      metrics: metrics({
        usage: {
          inputTokens: 30,
          inputTokenDetails: { noCacheTokens: 30, cacheReadTokens: undefined, cacheWriteTokens: undefined },
          outputTokens: 4,
          outputTokenDetails: { textTokens: 4, reasoningTokens: undefined },
          totalTokens: 34,
        },
      }),
      end: { stopped: false, failure: "500 from http://127.0.0.1:4010/v1/chat/completions. Try again." },
      endedAt: 3500.6,
    });
    expect(record).toEqual({
      id: "m",
      userId: "u",
      conversationId: "c",
      parts: [{ type: "step-start" }, { type: "text", text: "Partial" }],
      status: "error",
      error: "500 from http://127.0.0.1:4010/v1/chat/completions. Try again.",
      modelId: model.id,
      modelName: "Llama 3",
      endpointName: "Local",
      inputTokens: 30,
      outputTokens: 4,
      ttftMs: 120,
      durationMs: 2501,
    });
  });

  it("has no time to first token or usage when nothing came back", () => {
    const record = assistantRecord({
      userId: "u",
      conversationId: "c",
      message: { id: "m", parts: [] },
      model,
      metrics: metrics({ firstTokenAt: null }),
      end: { stopped: true, failure: null },
      endedAt: 1000,
    });
    expect(record).toMatchObject({ status: "stopped", parts: [], ttftMs: null, inputTokens: null, outputTokens: null, durationMs: 0 });
  });
});
