// For database tests: conversations written the one way the app writes a turn (lib/db/turn-writes.ts):
// the question with a streaming placeholder, then the answer over it.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { beginTurn, finishTurnMessage } from "@/lib/db/turn-writes";
import type { ChatPart } from "@/lib/types/chat";

export type SeedTurnInput = {
  userId: string;
  /** An existing conversation of the user; a new one (with `title`) when absent. */
  conversationId?: string;
  title?: string;
  question: string;
  /** The answer's parts (default: the text "an answer"). */
  answer?: ChatPart[];
  modelName?: string;
};

export async function seedTurn(input: SeedTurnInput): Promise<{ conversationId: string; questionId: string; answerId: string }> {
  const conversationId = input.conversationId ?? randomUUID();
  const questionId = randomUUID();
  const answerId = randomUUID();
  // A later question follows the branch the conversation shows.
  const parentId = input.conversationId
    ? ((await db.conversation.findFirst({ where: { id: input.conversationId }, select: { activeLeafId: true } }))?.activeLeafId ?? null)
    : null;
  const result = await beginTurn({
    userId: input.userId,
    conversationId,
    ...(input.conversationId ? {} : { create: { title: input.title ?? input.question } }),
    userMessage: { id: questionId, parts: [{ type: "text", text: input.question }], parentId },
    assistant: { id: answerId, parentId: questionId, modelId: randomUUID(), modelName: input.modelName ?? "Model", endpointName: "Endpoint" },
    runnerId: "seed",
    pickedModelId: null,
  });
  if (result !== "started") throw new Error(`seedTurn: the turn did not start (${result}).`);
  const parts = input.answer ?? [{ type: "text", text: "an answer" }];
  await finishTurnMessage({ userId: input.userId, messageId: answerId, parts, status: "complete", error: null, inputTokens: null, outputTokens: null, ttftMs: null, durationMs: null });
  return { conversationId, questionId, answerId };
}
