import "server-only";
// Full-text search over a user's conversations: titles and the text of their messages, ranked.
// Uses the GIN indexes of the "search" migration; the expressions below must stay exactly
// to_tsvector('simple', "title") and to_tsvector('simple', "searchText") for them to apply.
// 'simple' (no stemming, no stop words) because conversations are in any language.
import { db } from "@/lib/db/client";
import { toSidebarSummaries, type SummaryRow } from "@/lib/db/conversations";
import type { ConversationSummary } from "@/lib/types/chat";

export const SEARCH_LIMIT = 30;

/**
 * The user's conversations whose title or messages match `query` (web-search syntax: words,
 * "quoted phrases", -excluded, or), best match first. A title match weighs twice a message match.
 */
export async function searchConversations(userId: string, query: string, limit = SEARCH_LIMIT): Promise<ConversationSummary[]> {
  if (!query.trim()) return [];
  // Each branch carries the conversation's columns, so no second pass over "Conversation" is needed.
  const rows = await db.$queryRaw<SummaryRow[]>`
    WITH hits AS (
      SELECT c.id, c.title, c."modelId", c."lastMessageAt", c."assistantId",
        2 * ts_rank(to_tsvector('simple', c.title), websearch_to_tsquery('simple', ${query})) AS rank
      FROM "Conversation" c
      WHERE c."userId" = ${userId}::uuid AND to_tsvector('simple', c.title) @@ websearch_to_tsquery('simple', ${query})
      UNION ALL
      SELECT c.id, c.title, c."modelId", c."lastMessageAt", c."assistantId",
        ts_rank(to_tsvector('simple', m."searchText"), websearch_to_tsquery('simple', ${query}))
      FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
      WHERE c."userId" = ${userId}::uuid AND to_tsvector('simple', m."searchText") @@ websearch_to_tsquery('simple', ${query})
    ), best AS (
      SELECT DISTINCT ON (id) * FROM hits ORDER BY id, rank DESC
    )
    SELECT id, title, "modelId", "lastMessageAt", "assistantId" FROM best
    ORDER BY rank DESC, "lastMessageAt" DESC, id
    LIMIT ${limit}`;
  return toSidebarSummaries(userId, rows);
}
