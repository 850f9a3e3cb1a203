import "server-only";
// Watches a streamText stream on its way to the browser: time to first token, token usage, and the
// first error. It only looks: the parts go on unchanged (it is a tap, not a stream stage of its own).
import type { LanguageModelUsage, TextStreamPart, ToolSet } from "ai";

export type TurnMetrics = {
  startedAt: number;
  firstTokenAt: number | null;
  usage: LanguageModelUsage | null;
  error: unknown;
  hasError: boolean;
};

export function createTurnMetrics(now: () => number = Date.now): {
  metrics: TurnMetrics;
  /** Called with every part on its way to the browser (lib/chat/catch-stream-errors.ts taps it). */
  observe: (part: TextStreamPart<ToolSet>) => void;
} {
  const metrics: TurnMetrics = { startedAt: now(), firstTokenAt: null, usage: null, error: undefined, hasError: false };
  const observe = (part: TextStreamPart<ToolSet>) => {
    if ((part.type === "text-delta" || part.type === "reasoning-delta") && part.text && metrics.firstTokenAt === null) {
      metrics.firstTokenAt = now();
    } else if (part.type === "finish") {
      metrics.usage = part.totalUsage;
    } else if (part.type === "error" && !metrics.hasError) {
      metrics.hasError = true;
      metrics.error = part.error;
    }
  };
  return { metrics, observe };
}

/** Whole non-negative numbers only; providers that report nothing give null. */
export function tokenCount(value: number | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}
