import "server-only";
// The end of a turn: decide how it ended and write the assistant's message, once. After the
// conversation's first complete answer, a title is asked for in the background. A database that is
// away when the turn ends does not leave the conversation stuck (saveTurnEnd).
import pRetry from "p-retry";
import { titleConversation } from "@/lib/chat/generate-title";
import { toStorableParts } from "@/lib/chat/parts";
import { tokenCount, type TurnMetrics } from "@/lib/chat/turn-metrics";
import type { ResolvedModel } from "@/lib/ai/models";
import { INTERRUPTED_MESSAGE, type TurnLease } from "@/lib/chat/runner";
import { finishTurnMessage, type FinishTurnInput, type FinishTurnResult } from "@/lib/db/turn-writes";
import { recordTurnEnd } from "@/lib/metrics/registry";
import type { ChatPart, ChatUIMessage, MessageStatus } from "@/lib/types/chat";

/** The assistant's message as a turn ends, before it is written over its placeholder. */
export type AssistantMessageInput = {
  id: string;
  userId: string;
  conversationId: string;
  parts: ChatPart[];
  status: MessageStatus;
  error: string | null;
  modelId: string | null;
  modelName: string | null;
  endpointName: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  ttftMs: number | null;
  durationMs: number | null;
};

export type TurnEnd = {
  /** The user pressed Stop (the upstream request was aborted). */
  stopped: boolean;
  /** The sentence describing a failed model call, or null. */
  failure: string | null;
};

export function turnStatus(end: TurnEnd): { status: MessageStatus; error: string | null } {
  if (end.stopped) return { status: "stopped", error: null };
  if (end.failure) return { status: "error", error: end.failure };
  return { status: "complete", error: null };
}

export function assistantRecord(input: {
  userId: string;
  conversationId: string;
  message: Pick<ChatUIMessage, "id" | "parts">;
  model: Pick<ResolvedModel, "id" | "label" | "endpoint">;
  metrics: TurnMetrics;
  end: TurnEnd;
  endedAt: number;
}): AssistantMessageInput {
  const { metrics, model } = input;
  return {
    id: input.message.id,
    userId: input.userId,
    conversationId: input.conversationId,
    parts: toStorableParts(input.message.parts),
    ...turnStatus(input.end),
    modelId: model.id,
    modelName: model.label,
    endpointName: model.endpoint.name,
    inputTokens: tokenCount(metrics.usage?.inputTokens),
    outputTokens: tokenCount(metrics.usage?.outputTokens),
    ttftMs: metrics.firstTokenAt === null ? null : Math.max(0, Math.round(metrics.firstTokenAt - metrics.startedAt)),
    durationMs: Math.max(0, Math.round(input.endedAt - metrics.startedAt)),
  };
}

export type SaveTurnEndOptions = {
  /** How long to keep trying while the database does not take the write (default 60 s). */
  retryForMs?: number;
};

const RETRY_FOR_MS = 60_000;
const ATTEMPT_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The database did not answer within ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Writes how a turn ended over its placeholder. While the database does not take the write, it is
 * tried again with backoff for a bounded time, the answer kept in memory; if it never succeeds the
 * turn's lease is retired, so a later sweep (on any instance) marks the row interrupted and the
 * conversation takes the next message (this instance's sweep writes the partial answer it kept).
 * Never throws. Null when the write was given up.
 */
export async function saveTurnEnd(input: FinishTurnInput, lease: TurnLease, options: SaveTurnEndOptions = {}): Promise<FinishTurnResult | null> {
  const retryForMs = options.retryForMs ?? RETRY_FOR_MS;
  try {
    // An attempt that hangs (a database host that stopped answering) counts as failed after 10 s.
    const attempt = () => withTimeout(finishTurnMessage(input), Math.min(ATTEMPT_TIMEOUT_MS, retryForMs));
    const result = await pRetry(attempt, {
      retries: Number.POSITIVE_INFINITY,
      maxRetryTime: retryForMs,
      minTimeout: Math.min(250, retryForMs),
      maxTimeout: 5000,
      onFailedAttempt: ({ attemptNumber, error }) => {
        if (attemptNumber === 1) console.warn(`[switchboard] Could not save the answer ${input.messageId}; trying again for ${Math.round(retryForMs / 1000)} s:`, error.message);
      },
    });
    await lease.release();
    return result;
  } catch (error) {
    console.error(`[switchboard] Gave up saving the answer ${input.messageId}; it will be marked interrupted:`, error instanceof Error ? error.message : error);
    await lease.retire(input.messageId, () => finishTurnMessage({ ...input, status: "interrupted", error: INTERRUPTED_MESSAGE, retiredLease: lease.id }));
    return null;
  }
}

/**
 * Writes the answer over its placeholder (see saveTurnEnd); a failure is logged, never thrown into
 * the finished stream. On the conversation's first complete answer it starts the title generation,
 * without waiting for it.
 */
export async function finishTurn(record: AssistantMessageInput, lease: TurnLease, options: SaveTurnEndOptions = {}): Promise<void> {
  const status = record.status === "streaming" ? "interrupted" : record.status;
  // Counted as the turn ends, whether or not the write below succeeds (synchronous, no await).
  recordTurnEnd({
    source: "chat",
    status,
    endpoint: record.endpointName ?? "",
    model: record.modelName ?? "",
    ttftMs: record.ttftMs,
    durationMs: record.durationMs,
    inputTokens: record.inputTokens,
    outputTokens: record.outputTokens,
  });
  const result = await saveTurnEnd(
    {
      userId: record.userId,
      messageId: record.id,
      parts: record.parts,
      status,
      error: record.error,
      inputTokens: record.inputTokens,
      outputTokens: record.outputTokens,
      ttftMs: record.ttftMs,
      durationMs: record.durationMs,
    },
    lease,
    options,
  );
  if (!result) return;
  const { saved, firstAnswer } = result;
  if (!saved) console.warn(`[switchboard] Conversation ${record.conversationId} was deleted during its turn; the answer was not saved.`);
  if (firstAnswer) {
    // Fire and forget: the answer is saved and the stream may end; the sidebar picks the title up.
    void titleConversation({
      userId: record.userId,
      conversationId: record.conversationId,
      modelId: record.modelId,
      currentTitle: firstAnswer.title,
      question: firstAnswer.question,
    });
  }
}
