import "server-only";
// A conversation's messages a page at a time, newest page first: the chat page paints the latest
// messages and loads older ones as the user scrolls up. The user's id is part of every query.
import { branchView } from "@/lib/chat/branches";
import type { StoredMessage } from "@/lib/chat/history";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How many messages the chat page shows first, and loads per scroll. */
export const MESSAGE_PAGE_SIZE = 50;

/** The columns of a message as the chat shows it (StoredMessage). */
export const messageSelect = {
  id: true,
  parentId: true,
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
 * The `limit` messages before message `before` (or the latest ones) on the branch the user sees
 * (lib/chat/branches.ts), or null when the user has no such conversation. A `before` that is not on
 * that branch is a 404. The tree is read as ids only; whole rows only for the page.
 */
export async function findMessagePage(userId: string, conversationId: string, options: { before?: string | null; limit?: number } = {}): Promise<MessagePage | null> {
  const limit = options.limit ?? MESSAGE_PAGE_SIZE;
  const owned = await db.conversation.findFirst({ where: { id: conversationId, userId }, select: { id: true, activeLeafId: true } });
  if (!owned) return null;
  const tree = await db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, parentId: true } });
  const path = branchView(tree, owned.activeLeafId);
  let end = path.length;
  if (options.before) {
    end = path.findIndex((row) => row.id === options.before);
    if (end < 0) throw new AppError("not_found", "That message is not in this conversation (it may have been deleted). Reload the page.");
  }
  const slice = path.slice(Math.max(0, end - limit), end);
  const rows = await db.message.findMany({ where: { conversationId, id: { in: slice.map((row) => row.id) } }, select: messageSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const messages = slice.flatMap((entry) => {
    const row = byId.get(entry.id);
    if (!row) return [];
    return [{ ...row, parentId: entry.parentId ?? null, ...(entry.siblingIds ? { siblingIds: entry.siblingIds } : {}) }];
  });
  return { messages, hasOlder: end - limit > 0 };
}

/**
 * Notes on a turn's answer how many older messages its request left out, so the conversation can say
 * so after a reload. Only turns that left some out pay for this write.
 */
export async function recordOmittedMessages(userId: string, messageId: string, omitted: number): Promise<void> {
  await db.message.updateMany({ where: { id: messageId, conversation: { userId } }, data: { omittedMessages: omitted } });
}
