import "server-only";
// The Prometheus metrics of this process (GET /api/metrics), in one registry of their own. Kept on
// globalThis: Next loads a module once per bundle that imports it (instrumentation, each route), and
// every copy must count into the same series. Recording is synchronous and cheap (a few map updates),
// so it can sit on the turn path without an await; it never throws into its caller.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Where a turn came from: the browser chat or the OpenAI-compatible API. */
export type TurnSource = "chat" | "api";

export type TurnEndSample = {
  source: TurnSource;
  /** How the turn ended: complete, stopped, error, interrupted. */
  status: string;
  /** The endpoint's name (admin-chosen, so few distinct values). */
  endpoint: string;
  /** The model's label. */
  model: string;
  ttftMs: number | null;
  durationMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
};

/** Reads counts at scrape time (running turns, pool sizes) instead of being kept up to date. */
export type GaugeSource = () => number;

type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number };

export type Metrics = {
  registry: Registry;
  turns: Counter<"source" | "status" | "endpoint" | "model">;
  timeToFirstToken: Histogram<"source" | "endpoint" | "model">;
  turnDuration: Histogram<"source" | "status" | "endpoint" | "model">;
  inputTokens: Counter<"source" | "endpoint" | "model">;
  outputTokens: Counter<"source" | "endpoint" | "model">;
  toolCalls: Counter<"tool">;
  toolErrors: Counter<"tool">;
  activeStreams: Gauge<"source">;
  signInFailures: Counter<"reason">;
  /** Set by lib/chat/running-turns.ts: how many browser turns this process is streaming. */
  runningChatTurns: { read: GaugeSource };
  /** Registered by the modules that own a pg pool (lib/db/client.ts, lib/auth/throttle.ts). */
  pools: Map<string, () => PoolCounts | undefined>;
};

// Seconds. A first token comes in tens of milliseconds from a warm local server and in seconds from a
// cold or busy one; whole turns run from under a second to minutes.
const TTFT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30];
const DURATION_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 20, 40, 80, 160, 300];

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const runningChatTurns: { read: GaugeSource } = { read: () => 0 };
  const pools = new Map<string, () => PoolCounts | undefined>();
  const activeStreams = new Gauge({
    name: "switchboard_active_streams",
    help: "Answers this process is streaming right now, by source (chat: browser turns; api: /api/v1 runs).",
    labelNames: ["source"],
    registers,
    collect() {
      this.set({ source: "chat" }, runningChatTurns.read());
    },
  });
  new Gauge({
    name: "switchboard_db_pool_connections",
    help: "Connections of this process's PostgreSQL pools, by pool and state (total, idle, waiting clients).",
    labelNames: ["pool", "state"],
    registers,
    collect() {
      this.reset();
      for (const [pool, read] of pools) {
        const counts = read();
        if (!counts) continue;
        this.set({ pool, state: "total" }, counts.totalCount);
        this.set({ pool, state: "idle" }, counts.idleCount);
        this.set({ pool, state: "waiting" }, counts.waitingCount);
      }
    },
  });
  return {
    registry,
    turns: new Counter({
      name: "switchboard_chat_turns_total",
      help: "Turns that ended, by source, how they ended (status), endpoint and model.",
      labelNames: ["source", "status", "endpoint", "model"],
      registers,
    }),
    timeToFirstToken: new Histogram({
      name: "switchboard_chat_time_to_first_token_seconds",
      help: "From the start of a turn to the model's first text or reasoning token.",
      labelNames: ["source", "endpoint", "model"],
      buckets: TTFT_BUCKETS,
      registers,
    }),
    turnDuration: new Histogram({
      name: "switchboard_chat_turn_duration_seconds",
      help: "From the start of a turn to its end, by how it ended.",
      labelNames: ["source", "status", "endpoint", "model"],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    inputTokens: new Counter({
      name: "switchboard_chat_input_tokens_total",
      help: "Prompt tokens the model servers reported.",
      labelNames: ["source", "endpoint", "model"],
      registers,
    }),
    outputTokens: new Counter({
      name: "switchboard_chat_output_tokens_total",
      help: "Completion tokens the model servers reported.",
      labelNames: ["source", "endpoint", "model"],
      registers,
    }),
    toolCalls: new Counter({
      name: "switchboard_tool_calls_total",
      help: "Server-side tool calls run, by built-in tool name (all action operations count as \"action\").",
      labelNames: ["tool"],
      registers,
    }),
    toolErrors: new Counter({
      name: "switchboard_tool_errors_total",
      help: "Server-side tool calls that failed, by built-in tool name or \"action\".",
      labelNames: ["tool"],
      registers,
    }),
    activeStreams,
    signInFailures: new Counter({
      name: "switchboard_sign_in_failures_total",
      help: "Refused sign-ins, by reason (invalid_credentials, disabled, throttled).",
      labelNames: ["reason"],
      registers,
    }),
    runningChatTurns,
    pools,
  };
}

const globalForMetrics = globalThis as unknown as { switchboardMetrics?: Metrics };

/** The process's metrics, created on first use. */
export function metrics(): Metrics {
  return (globalForMetrics.switchboardMetrics ??= createMetrics());
}

/** Records a finished turn. Never throws: a metric must not break the turn it measures. */
export function recordTurnEnd(sample: TurnEndSample, target: Metrics = metrics()): void {
  try {
    const base = { source: sample.source, endpoint: sample.endpoint, model: sample.model };
    target.turns.inc({ ...base, status: sample.status });
    if (sample.ttftMs !== null) target.timeToFirstToken.observe(base, sample.ttftMs / 1000);
    if (sample.durationMs !== null) target.turnDuration.observe({ ...base, status: sample.status }, sample.durationMs / 1000);
    if (sample.inputTokens) target.inputTokens.inc(base, sample.inputTokens);
    if (sample.outputTokens) target.outputTokens.inc(base, sample.outputTokens);
  } catch (error) {
    console.warn("[switchboard] Recording turn metrics failed:", error instanceof Error ? error.message : error);
  }
}

function safely(update: () => void): void {
  try {
    update();
  } catch {
    // Metrics are best effort.
  }
}

export function recordToolCall(tool: string, failed: boolean, target: Metrics = metrics()): void {
  safely(() => {
    target.toolCalls.inc({ tool });
    if (failed) target.toolErrors.inc({ tool });
  });
}

export type SignInFailureReason = "invalid_credentials" | "disabled" | "throttled";

export function countSignInFailure(reason: SignInFailureReason, target: Metrics = metrics()): void {
  safely(() => target.signInFailures.inc({ reason }));
}

/** +1 when an API run starts streaming, -1 when it ends. */
export function trackApiStream(delta: 1 | -1, target: Metrics = metrics()): void {
  safely(() => (delta === 1 ? target.activeStreams.inc({ source: "api" }) : target.activeStreams.dec({ source: "api" })));
}

/** The text exposition (and its content type) of every metric. */
export async function renderMetrics(target: Metrics = metrics()): Promise<{ body: string; contentType: string }> {
  return { body: await target.registry.metrics(), contentType: target.registry.contentType };
}
