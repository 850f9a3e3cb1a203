import "server-only";
// An API exchange kept as a conversation (the client asked with `store: true` or the
// X-Switchboard-Store header): the request's user and assistant messages and the answer, in one
// statement, so the conversation shows in the owner's sidebar like any other.
import { randomUUID } from "node:crypto";
import { searchTextOf } from "@/lib/chat/parts";
import { db } from "@/lib/db/client";
import type { MessageStatus, Prisma } from "@/lib/generated/prisma/client";
import type { ChatPart } from "@/lib/types/chat";
import { titleFromMessage } from "@/lib/utils/conversation-title";

export type StoredExchange = {
  userId: string;
  assistantId: string | null;
  assistantVersionId: string | null;
  /** The conversation so far, as the client sent it (system and tool messages left out). */
  messages: Array<{ role: "user" | "assistant"; text: string }>;
  answer: {
    text: string;
    status: Extract<MessageStatus, "complete" | "stopped" | "error">;
    error: string | null;
    modelId: string;
    modelName: string;
    endpointName: string;
    inputTokens: number | null;
    outputTokens: number | null;
    ttftMs: number | null;
    durationMs: number | null;
  };
};

// Parts are plain JSON (text parts only); Prisma's JSON input type has no room for a typed array.
const asJson = (parts: ChatPart[]): Prisma.InputJsonValue => parts as unknown as Prisma.InputJsonValue;

/** Returns the new conversation's id. */
export async function storeApiExchange(exchange: StoredExchange, now = new Date()): Promise<string> {
  const conversationId = randomUUID();
  const rows: Array<{ id: string; parentId: string | null; role: "user" | "assistant"; parts: ChatPart[] }> = [];
  let parentId: string | null = null;
  for (const message of exchange.messages) {
    const id = randomUUID();
    rows.push({ id, parentId, role: message.role, parts: [{ type: "text", text: message.text }] });
    parentId = id;
  }
  const answerId = randomUUID();
  const answerParts: ChatPart[] = exchange.answer.text ? [{ type: "text", text: exchange.answer.text }] : [];
  const firstQuestion = exchange.messages.find((message) => message.role === "user")?.text ?? "";
  const { answer } = exchange;
  await db.conversation.create({
    data: {
      id: conversationId,
      userId: exchange.userId,
      title: titleFromMessage(firstQuestion),
      modelId: answer.modelId,
      assistantId: exchange.assistantId,
      assistantVersionId: exchange.assistantVersionId,
      activeLeafId: answerId,
      lastMessageAt: now,
      messages: {
        createMany: {
          // Ascending createdAt keeps the order; parents come first in the one INSERT.
          data: [
            ...rows.map((row, index) => ({
              id: row.id,
              parentId: row.parentId,
              role: row.role,
              parts: asJson(row.parts),
              status: "complete" as const,
              searchText: searchTextOf(row.parts),
              createdAt: new Date(now.getTime() - (rows.length - index)),
            })),
            {
              id: answerId,
              parentId,
              role: "assistant" as const,
              parts: asJson(answerParts),
              status: answer.status,
              error: answer.error,
              modelId: answer.modelId,
              modelName: answer.modelName,
              endpointName: answer.endpointName,
              inputTokens: answer.inputTokens,
              outputTokens: answer.outputTokens,
              ttftMs: answer.ttftMs,
              durationMs: answer.durationMs,
              searchText: searchTextOf(answerParts),
              createdAt: now,
            },
          ],
        },
      },
    },
  });
  return conversationId;
}
