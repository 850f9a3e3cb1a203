import { describe, expect, it } from "vitest";
import { sample } from "@/lib/testing/prometheus-text";
import { countSignInFailure, createMetrics, metrics, recordToolCall, recordTurnEnd, renderMetrics, trackApiStream } from "@/lib/metrics/registry";

describe("the metrics registry", () => {
  it("counts a turn's end by source, status, endpoint and model, with its timings and tokens", async () => {
    const target = createMetrics({ defaultMetrics: false });
    const end = { source: "chat" as const, endpoint: "Local", model: "Llama 3", ttftMs: 120, durationMs: 3000, inputTokens: 30, outputTokens: 4 };
    recordTurnEnd({ ...end, status: "complete" }, target);
    recordTurnEnd({ ...end, status: "complete" }, target);
    recordTurnEnd({ ...end, status: "error", ttftMs: null, inputTokens: null, outputTokens: null }, target);
    const { body, contentType } = await renderMetrics(target);

    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(body, 'switchboard_chat_turns_total{source="chat",status="complete",endpoint="Local",model="Llama 3"}')).toBe(2);
    expect(sample(body, 'switchboard_chat_turns_total{source="chat",status="error",endpoint="Local",model="Llama 3"}')).toBe(1);
    expect(sample(body, 'switchboard_chat_input_tokens_total{source="chat",endpoint="Local",model="Llama 3"}')).toBe(60);
    expect(sample(body, 'switchboard_chat_output_tokens_total{source="chat",endpoint="Local",model="Llama 3"}')).toBe(8);
    // Milliseconds in, seconds out: 120 ms falls in the 0.25 s bucket, not the 0.1 s one.
    expect(sample(body, 'switchboard_chat_time_to_first_token_seconds_bucket{le="0.1",source="chat",endpoint="Local",model="Llama 3"}')).toBe(0);
    expect(sample(body, 'switchboard_chat_time_to_first_token_seconds_bucket{le="0.25",source="chat",endpoint="Local",model="Llama 3"}')).toBe(2);
    // A turn without a first token is not an observation of time to first token.
    expect(sample(body, 'switchboard_chat_time_to_first_token_seconds_count{source="chat",endpoint="Local",model="Llama 3"}')).toBe(2);
    expect(sample(body, 'switchboard_chat_turn_duration_seconds_sum{source="chat",status="complete",endpoint="Local",model="Llama 3"}')).toBe(6);
  });

  it("counts tool calls and their errors, refused sign-ins and API streams", async () => {
    const target = createMetrics({ defaultMetrics: false });
    recordToolCall("calculator", false, target);
    recordToolCall("calculator", true, target);
    recordToolCall("action", false, target);
    countSignInFailure("invalid_credentials", target);
    countSignInFailure("throttled", target);
    countSignInFailure("throttled", target);
    trackApiStream(1, target);
    trackApiStream(1, target);
    trackApiStream(-1, target);
    const { body } = await renderMetrics(target);

    expect(sample(body, 'switchboard_tool_calls_total{tool="calculator"}')).toBe(2);
    expect(sample(body, 'switchboard_tool_errors_total{tool="calculator"}')).toBe(1);
    expect(sample(body, 'switchboard_tool_calls_total{tool="action"}')).toBe(1);
    expect(sample(body, 'switchboard_tool_errors_total{tool="action"}')).toBeUndefined();
    expect(sample(body, 'switchboard_sign_in_failures_total{reason="invalid_credentials"}')).toBe(1);
    expect(sample(body, 'switchboard_sign_in_failures_total{reason="throttled"}')).toBe(2);
    expect(sample(body, 'switchboard_active_streams{source="api"}')).toBe(1);
  });

  it("reads running chat turns and pool sizes when scraped, not when they change", async () => {
    const target = createMetrics({ defaultMetrics: false });
    let running = 3;
    target.runningChatTurns.read = () => running;
    target.pools.set("prisma", () => ({ totalCount: 5, idleCount: 2, waitingCount: 1 }));
    target.pools.set("not_created_yet", () => undefined);
    expect(sample((await renderMetrics(target)).body, 'switchboard_active_streams{source="chat"}')).toBe(3);
    running = 0;
    const { body } = await renderMetrics(target);
    expect(sample(body, 'switchboard_active_streams{source="chat"}')).toBe(0);
    expect(sample(body, 'switchboard_db_pool_connections{pool="prisma",state="total"}')).toBe(5);
    expect(sample(body, 'switchboard_db_pool_connections{pool="prisma",state="idle"}')).toBe(2);
    expect(sample(body, 'switchboard_db_pool_connections{pool="prisma",state="waiting"}')).toBe(1);
    expect(body).not.toContain("not_created_yet");
  });

  it("is one registry per process with the process defaults, however many copies of the module load", async () => {
    const first = metrics();
    expect((globalThis as { switchboardMetrics?: unknown }).switchboardMetrics).toBe(first);
    expect(metrics()).toBe(first);
    const { body } = await renderMetrics();
    expect(body).toContain("process_cpu_user_seconds_total");
    expect(body).toContain("nodejs_heap_size_used_bytes");
    expect(body).toContain("# TYPE switchboard_chat_turns_total counter");
  });

  it("never throws into the turn it measures", () => {
    const target = createMetrics({ defaultMetrics: false });
    // A label value prom-client refuses (not a string) must be swallowed, not thrown.
    expect(() => recordTurnEnd({ source: "chat", status: "complete", endpoint: undefined as unknown as string, model: "m", ttftMs: 1, durationMs: 1, inputTokens: 1, outputTokens: 1 }, target)).not.toThrow();
  });
});
