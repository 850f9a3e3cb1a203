import { describe, expect, it, vi } from "vitest";
import { assistantRecord, finishTurn, turnStatus } from "@/lib/chat/finish-turn";
import type { TurnMetrics } from "@/lib/chat/turn-metrics";
import { metrics as processMetrics, renderMetrics } from "@/lib/metrics/registry";
import { sample } from "@/lib/testing/prometheus-text";

// finishTurn's write, stubbed: these tests are about what happens around it.
vi.mock("@/lib/db/turn-writes", () => ({ finishTurnMessage: vi.fn(async () => ({ saved: true, firstAnswer: null })) }));

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

describe("finishTurn", () => {
  it("counts the turn's end, its timings and tokens in the process metrics as it writes it", async () => {
    const series = 'switchboard_chat_turns_total{source="chat",status="stopped",endpoint="Metrics endpoint",model="Metrics model"}';
    const before = sample((await renderMetrics()).body, series) ?? 0;
    const release = vi.fn(async () => {});
    await finishTurn(
      {
        id: "m",
        userId: "u",
        conversationId: "c",
        parts: [{ type: "text", text: "Partial" }],
        status: "stopped",
        error: null,
        modelId: "model-id",
        modelName: "Metrics model",
        endpointName: "Metrics endpoint",
        inputTokens: 12,
        outputTokens: 5,
        ttftMs: 80,
        durationMs: 1500,
      },
      { id: "1", release, retire: vi.fn(async () => {}) },
    );
    expect(release).toHaveBeenCalledOnce();
    const { body } = await renderMetrics(processMetrics());
    expect(sample(body, series)).toBe(before + 1);
    expect(sample(body, 'switchboard_chat_output_tokens_total{source="chat",endpoint="Metrics endpoint",model="Metrics model"}')).toBe(5);
    expect(sample(body, 'switchboard_chat_time_to_first_token_seconds_count{source="chat",endpoint="Metrics endpoint",model="Metrics model"}')).toBe(1);
  });
});
