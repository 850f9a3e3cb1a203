-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "feedback" SMALLINT,
ADD COLUMN     "searchText" TEXT;

-- Written by hand below this line: Prisma cannot express expression, GIN or partial indexes, and its
-- later diffs (schema to schema) never drop them.

-- A value is one vote: good (1) or bad (-1).
ALTER TABLE "Message" ADD CONSTRAINT "Message_feedback_check" CHECK ("feedback" IN (1, -1));

-- The text of messages saved before this migration (the app writes it with every message from now on).
UPDATE "Message" SET "searchText" = NULLIF((
    SELECT string_agg(p->>'text', E'\n' ORDER BY n)
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof("parts") = 'array' THEN "parts" ELSE '[]'::jsonb END) WITH ORDINALITY AS e(p, n)
    WHERE p->>'type' = 'text'
  ), '');

-- Full-text search over titles and message text (lib/db/conversation-search.ts). Queries must use
-- these exact expressions: to_tsvector('simple', ...).
CREATE INDEX "Conversation_title_fts_idx" ON "Conversation" USING GIN (to_tsvector('simple', "title"));
CREATE INDEX "Message_searchText_fts_idx" ON "Message" USING GIN (to_tsvector('simple', "searchText"));

-- Feedback counts per model (admin): only voted answers are indexed, so the index stays small.
CREATE INDEX "Message_feedback_modelName_idx" ON "Message" ("modelName", "feedback") WHERE "feedback" IS NOT NULL;
