import "server-only";
// Switching branch: which version of an edited question or a regenerated answer the conversation
// shows (and the next turn follows). Remembered on the conversation, so it survives a reload.
import { leafBelow } from "@/lib/chat/branches";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const NOT_FOUND = "That conversation does not exist (it may have been deleted).";
const MESSAGE_NOT_FOUND = "That message does not exist any more. Reload the conversation.";
const BUSY = "An answer is still being written in this conversation. Wait for it, or press Stop.";

/**
 * Shows the branch through `messageId`: the selected leaf becomes the newest reply below it. A
 * message that is not in the user's conversation is a 404; refused (409) while an answer is written.
 */
export async function selectBranch(userId: string, conversationId: string, messageId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // Locks the conversation: a turn that starts meanwhile waits, and then follows the new branch.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Conversation" WHERE id = ${conversationId}::uuid AND "userId" = ${userId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", NOT_FOUND);
    const rows = await tx.message.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, parentId: true, status: true },
    });
    if (rows.some((row) => row.status === "streaming")) throw new AppError("conflict", BUSY);
    const leaf = leafBelow(rows, messageId);
    if (!leaf) throw new AppError("not_found", MESSAGE_NOT_FOUND);
    await tx.conversation.updateMany({ where: { id: conversationId, userId }, data: { activeLeafId: leaf } });
  });
}
