import "server-only";
// Full-text search over a user's conversations: titles and the text of their messages, ranked.
// Titles use the GIN index on to_tsvector('simple', "title") of the "search" migration (the
// expression below must stay exactly that); messages use the stored, indexed "searchVector" of the
// "search_vector" migration. 'simple' (no stemming, no stop words) because conversations are in any
// language.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toSidebarSummaries, type SummaryRow } from "@/lib/db/conversations";
import type { ConversationSummary } from "@/lib/types/chat";

export const SEARCH_LIMIT = 30;

/**
 * The user's conversations whose title or messages match `query` (web-search syntax: words,
 * "quoted phrases", -excluded, or), best match first. A title match weighs twice a message match.
 */
export async function searchConversations(userId: string, query: string, limit = SEARCH_LIMIT): Promise<ConversationSummary[]> {
  if (!query.trim()) return [];
  const rows = await db.$queryRaw<SummaryRow[]>(searchStatement(userId, query, limit));
  return toSidebarSummaries(userId, rows);
}

/** The search statement (exported so a test can EXPLAIN it). */
export function searchStatement(userId: string, query: string, limit: number): Prisma.Sql {
  // Message hits are reduced to one row per conversation (its best rank) before anything else, so
  // a common word matching every message is an aggregate, not a sort of all of them.
  return Prisma.sql`
    WITH message_hits AS (
      SELECT m."conversationId" AS id, max(ts_rank(m."searchVector", websearch_to_tsquery('simple', ${query}))) AS rank
      FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
      WHERE c."userId" = ${userId}::uuid AND m."searchVector" @@ websearch_to_tsquery('simple', ${query})
      GROUP BY m."conversationId"
    ), title_hits AS (
      SELECT c.id, 2 * ts_rank(to_tsvector('simple', c.title), websearch_to_tsquery('simple', ${query})) AS rank
      FROM "Conversation" c
      WHERE c."userId" = ${userId}::uuid AND to_tsvector('simple', c.title) @@ websearch_to_tsquery('simple', ${query})
    ), best AS (
      SELECT id, max(rank) AS rank FROM (SELECT * FROM title_hits UNION ALL SELECT * FROM message_hits) hits GROUP BY id
    )
    SELECT c.id, c.title, c."modelId", c."lastMessageAt", c."assistantId"
    FROM best JOIN "Conversation" c ON c.id = best.id
    ORDER BY best.rank DESC, c."lastMessageAt" DESC, c.id
    LIMIT ${limit}`;
}
