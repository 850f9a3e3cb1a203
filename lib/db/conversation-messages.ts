import "server-only";
// A conversation's messages a page at a time, newest page first: the chat page paints the latest
// messages and loads older ones as the user scrolls up. The user's id is part of every query.
import type { StoredMessage } from "@/lib/chat/history";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How many messages the chat page shows first, and loads per scroll. */
export const MESSAGE_PAGE_SIZE = 50;

const messageSelect = {
  id: true,
  role: true,
  parts: true,
  status: true,
  error: true,
  modelName: true,
  endpointName: true,
  feedback: true,
  omittedMessages: true,
} satisfies Prisma.MessageSelect;

export type MessagePage = {
  /** Oldest first, like the chat shows them. */
  messages: StoredMessage[];
  /** True when older messages than the first one exist. */
  hasOlder: boolean;
};

/**
 * The `limit` messages before message `before` (or the latest ones), or null when the user has no
 * such conversation. A `before` that is not a message of this conversation is a 404.
 */
export async function findMessagePage(userId: string, conversationId: string, options: { before?: string | null; limit?: number } = {}): Promise<MessagePage | null> {
  const limit = options.limit ?? MESSAGE_PAGE_SIZE;
  const owned = await db.conversation.findFirst({ where: { id: conversationId, userId }, select: { id: true } });
  if (!owned) return null;
  let cursor: { createdAt: Date; id: string } | null = null;
  if (options.before) {
    cursor = await db.message.findFirst({ where: { id: options.before, conversationId }, select: { createdAt: true, id: true } });
    if (!cursor) throw new AppError("not_found", "That message is not in this conversation (it may have been deleted). Reload the page.");
  }
  const rows = await db.message.findMany({
    where: {
      conversationId,
      // The `lte` bound lets the (conversationId, createdAt) index start at the cursor.
      ...(cursor
        ? { createdAt: { lte: cursor.createdAt }, OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: messageSelect,
  });
  return { messages: rows.slice(0, limit).reverse(), hasOlder: rows.length > limit };
}

/**
 * Notes on a turn's answer how many older messages its request left out, so the conversation can say
 * so after a reload. Only turns that left some out pay for this write.
 */
export async function recordOmittedMessages(userId: string, messageId: string, omitted: number): Promise<void> {
  await db.message.updateMany({ where: { id: messageId, conversation: { userId } }, data: { omittedMessages: omitted } });
}
