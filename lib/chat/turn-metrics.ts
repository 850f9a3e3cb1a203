import "server-only";
// Watches a streamText stream on its way to the browser: time to first token, token usage, and the
// first error. Passes every part through unchanged.
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
  transform: TransformStream<TextStreamPart<ToolSet>, TextStreamPart<ToolSet>>;
} {
  const metrics: TurnMetrics = { startedAt: now(), firstTokenAt: null, usage: null, error: undefined, hasError: false };
  const transform = new TransformStream<TextStreamPart<ToolSet>, TextStreamPart<ToolSet>>({
    transform(part, controller) {
      if ((part.type === "text-delta" || part.type === "reasoning-delta") && part.text && metrics.firstTokenAt === null) {
        metrics.firstTokenAt = now();
      } else if (part.type === "finish") {
        metrics.usage = part.totalUsage;
      } else if (part.type === "error" && !metrics.hasError) {
        metrics.hasError = true;
        metrics.error = part.error;
      }
      controller.enqueue(part);
    },
  });
  return { metrics, transform };
}

/** Whole non-negative numbers only; providers that report nothing give null. */
export function tokenCount(value: number | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}
