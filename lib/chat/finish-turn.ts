import "server-only";
// The end of a turn: decide how it ended and write the assistant's message, once. After the
// conversation's first complete answer, a title is asked for in the background.
import { titleConversation } from "@/lib/chat/generate-title";
import { toStorableParts } from "@/lib/chat/parts";
import { tokenCount, type TurnMetrics } from "@/lib/chat/turn-metrics";
import type { ResolvedModel } from "@/lib/ai/models";
import type { AssistantMessageInput } from "@/lib/db/messages";
import { finishTurnMessage } from "@/lib/db/turn-writes";
import type { ChatUIMessage, MessageStatus } from "@/lib/types/chat";

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

/**
 * Writes the answer over its placeholder; a failure is logged, never thrown into the finished stream.
 * On the conversation's first complete answer it starts the title generation, without waiting for it.
 */
export async function finishTurn(record: AssistantMessageInput): Promise<void> {
  try {
    const { saved, firstAnswer } = await finishTurnMessage({
      userId: record.userId,
      messageId: record.id,
      parts: record.parts,
      status: record.status === "streaming" ? "interrupted" : record.status,
      error: record.error,
      inputTokens: record.inputTokens,
      outputTokens: record.outputTokens,
      ttftMs: record.ttftMs,
      durationMs: record.durationMs,
    });
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
  } catch (error) {
    console.error("[switchboard] Could not save the assistant's message:", error);
  }
}
