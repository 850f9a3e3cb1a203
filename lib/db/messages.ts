import "server-only";
// Messages of a conversation. The user's message is written before the model is called; the
// assistant's once, when the turn ends. Ownership is part of every WHERE (a miss is a 404).
import { searchTextOf } from "@/lib/chat/parts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChatPart, MessageStatus } from "@/lib/types/chat";

const NOT_FOUND = "That conversation does not exist (it may have been deleted).";

/** Appends the user's message and marks the conversation active; optionally records the picked model. */
export async function saveUserMessage(
  userId: string,
  conversationId: string,
  parts: ChatPart[],
  modelId?: string,
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.conversation.updateMany({
      where: { id: conversationId, userId },
      data: { lastMessageAt: now, ...(modelId ? { modelId } : {}) },
    });
    if (count === 0) throw new AppError("not_found", NOT_FOUND);
    return tx.message.create({
      data: { conversationId, role: "user", parts: parts as unknown as Prisma.InputJsonValue, searchText: searchTextOf(parts), status: "complete", createdAt: now },
      select: { id: true },
    });
  });
}

/**
 * For a regenerate: removes the conversation's last message when it is the assistant's, and returns
 * what is left at the end (the role of the last remaining message, or null when empty).
 */
export async function deleteTrailingAssistantMessage(userId: string, conversationId: string): Promise<{ lastRole: "user" | "assistant" | null }> {
  return db.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({ where: { id: conversationId, userId }, select: { id: true } });
    if (!conversation) throw new AppError("not_found", NOT_FOUND);
    const latest = await tx.message.findMany({
      where: { conversationId, conversation: { userId } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 2,
      select: { id: true, role: true },
    });
    const [last, previous] = latest;
    if (last?.role !== "assistant") return { lastRole: last?.role ?? null };
    await tx.message.delete({ where: { id: last.id } });
    return { lastRole: previous?.role ?? null };
  });
}

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

/**
 * Writes the assistant's message at the end of a turn. Returns false (and writes nothing) when the
 * conversation was deleted while the answer was being written.
 */
export async function saveAssistantMessage(input: AssistantMessageInput): Promise<boolean> {
  const { userId, conversationId, ...message } = input;
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.conversation.updateMany({ where: { id: conversationId, userId }, data: { lastMessageAt: now } });
    if (count === 0) return false;
    await tx.message.create({ data: { ...message, parts: message.parts as unknown as Prisma.InputJsonValue, searchText: searchTextOf(message.parts), conversationId, role: "assistant", createdAt: now } });
    return true;
  });
}
