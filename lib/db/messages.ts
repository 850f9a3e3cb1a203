import "server-only";
// Messages of a conversation, besides the writes of a turn (lib/db/turn-writes.ts, the one way a
// turn is written). Ownership is part of every WHERE (a miss is a 404).
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const NOT_FOUND = "That conversation does not exist (it may have been deleted).";
const MESSAGE_NOT_FOUND = "That message does not exist any more. Reload the conversation.";
const BUSY = "An answer is still being written in this conversation. Wait for it, or press Stop.";

/**
 * For editing an earlier question: deletes the user's message and everything after it in the
 * conversation, in one transaction, so the next turn starts from there. Refused (409) while an answer
 * is being written; a message that is not the user's own question in the user's conversation is a 404.
 */
export async function truncateFromMessage(userId: string, conversationId: string, messageId: string): Promise<{ deleted: number }> {
  return db.$transaction(async (tx) => {
    // Locks the conversation: a turn that starts meanwhile waits for this to finish.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Conversation" WHERE id = ${conversationId}::uuid AND "userId" = ${userId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", NOT_FOUND);
    const target = await tx.message.findFirst({ where: { id: messageId, conversationId, role: "user" }, select: { id: true } });
    if (!target) throw new AppError("not_found", MESSAGE_NOT_FOUND);
    if (await tx.message.findFirst({ where: { conversationId, status: "streaming" }, select: { id: true } })) throw new AppError("conflict", BUSY);
    // Messages are ordered by (createdAt, id): the message and every later one go.
    const deleted = await tx.$executeRaw`DELETE FROM "Message" WHERE "conversationId" = ${conversationId}::uuid
      AND ("createdAt", id) >= (SELECT "createdAt", id FROM "Message" WHERE id = ${target.id}::uuid)`;
    return { deleted };
  });
}
