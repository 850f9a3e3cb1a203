import "server-only";
// Conversations of one user. Every query carries the userId in its WHERE: another user's
// conversation is indistinguishable from one that does not exist (404).
import { branchView } from "@/lib/chat/branches";
import { messageSelect } from "@/lib/db/conversation-messages";
import { decodeConversationCursor, encodeConversationCursor } from "@/lib/db/conversation-cursor";
import { db } from "@/lib/db/client";
import { avatarView } from "@/lib/assistants/avatar";
import { visibleTo } from "@/lib/db/assistants";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConversationListPage, ConversationSummary } from "@/lib/types/chat";

const summarySelect = { id: true, title: true, modelId: true, lastMessageAt: true, assistantId: true } satisfies Prisma.ConversationSelect;

export type SummaryRow = Prisma.ConversationGetPayload<{ select: typeof summarySelect }>;

const NOT_FOUND = "That conversation does not exist (it may have been deleted).";

export function toConversationSummary(row: SummaryRow): ConversationSummary {
  return { id: row.id, title: row.title, modelId: row.modelId, lastMessageAt: row.lastMessageAt.toISOString() };
}

const GONE = { name: "Assistant no longer available", avatar: { type: "emoji" as const, value: "🚫" }, available: false };

/** Names and avatars of the assistants of a page of conversations, one query, only those the user can see. */
async function assistantLabels(userId: string, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const labels = new Map<string, NonNullable<ConversationSummary["assistant"]>>();
  if (wanted.length === 0) return labels;
  const rows = await db.assistant.findMany({
    where: { id: { in: wanted }, ...visibleTo({ id: userId, role: "user" }) },
    select: { id: true, name: true, avatar: true, updatedAt: true },
  });
  for (const row of rows) labels.set(row.id, { name: row.name, avatar: avatarView(row.id, row.avatar, row.updatedAt), available: true });
  return labels;
}

/** The user's conversations, most recently active first. */
export async function listConversations(userId: string, options: { cursor?: string; limit?: number } = {}): Promise<ConversationListPage> {
  const limit = options.limit ?? 30;
  const after = options.cursor ? decodeConversationCursor(options.cursor) : null;
  const rows = await db.conversation.findMany({
    where: {
      userId,
      // The `lte` bound lets the (userId, lastMessageAt desc, id) index start at the cursor; the OR
      // alone would be a filter over every row before it (measured: 5,000 rows read for page 167).
      ...(after
        ? {
            lastMessageAt: { lte: after.lastMessageAt },
            OR: [{ lastMessageAt: { lt: after.lastMessageAt } }, { lastMessageAt: after.lastMessageAt, id: { gt: after.id } }],
          }
        : {}),
    },
    orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    conversations: await toSidebarSummaries(userId, page),
    nextCursor: rows.length > limit && last ? encodeConversationCursor(last) : null,
  };
}

/** Rows as the sidebar shows them: with the name and avatar of their assistant (one query for all). */
export async function toSidebarSummaries(userId: string, rows: SummaryRow[]): Promise<ConversationSummary[]> {
  const assistants = await assistantLabels(userId, rows.map((row) => row.assistantId));
  return rows.map((row) => ({ ...toConversationSummary(row), assistant: row.assistantId ? (assistants.get(row.assistantId) ?? GONE) : null }));
}

/** One conversation without its messages, or null when the user has no such conversation. */
export async function findConversation(userId: string, id: string): Promise<ConversationSummary | null> {
  const row = await db.conversation.findFirst({ where: { id, userId }, select: summarySelect });
  return row ? toConversationSummary(row) : null;
}

export async function getConversation(userId: string, id: string): Promise<ConversationSummary> {
  const conversation = await findConversation(userId, id);
  if (!conversation) throw new AppError("not_found", NOT_FOUND);
  return conversation;
}

/**
 * One conversation with the messages of the branch the user selected (oldest first; each with its
 * alternatives, see lib/chat/branches.ts), or null when the user has no such conversation.
 */
export async function findConversationWithMessages(userId: string, id: string) {
  const row = await db.conversation.findFirst({
    where: { id, userId },
    select: { ...summarySelect, activeLeafId: true, messages: { select: messageSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  return row ? { ...row, messages: branchView(row.messages, row.activeLeafId) } : null;
}

export type ConversationWithMessages = NonNullable<Awaited<ReturnType<typeof findConversationWithMessages>>>;

/** Like findConversationWithMessages, for APIs: a miss is a 404. */
export async function getConversationWithMessages(userId: string, id: string): Promise<ConversationWithMessages> {
  const conversation = await findConversationWithMessages(userId, id);
  if (!conversation) throw new AppError("not_found", NOT_FOUND);
  return conversation;
}

export async function updateConversation(userId: string, id: string, change: { title?: string; modelId?: string | null }): Promise<ConversationSummary> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.conversation.updateMany({ where: { id, userId }, data: change });
    if (count === 0) throw new AppError("not_found", NOT_FOUND);
    const row = await tx.conversation.findFirstOrThrow({ where: { id, userId }, select: summarySelect });
    return toConversationSummary(row);
  });
}

/**
 * Sets a generated title, unless the title changed since `expected` was read (the user renamed the
 * conversation meanwhile: their title wins). True when it was set.
 */
export async function replaceTitleIfUnchanged(userId: string, id: string, expected: string, title: string): Promise<boolean> {
  const { count } = await db.conversation.updateMany({ where: { id, userId, title: expected }, data: { title } });
  return count > 0;
}

/** Deletes a conversation and its messages. */
export async function deleteConversation(userId: string, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({ where: { id, userId }, select: { id: true } });
    if (!conversation) throw new AppError("not_found", NOT_FOUND);
    await tx.message.deleteMany({ where: { conversationId: conversation.id } });
    await tx.conversation.delete({ where: { id: conversation.id } });
  });
}
