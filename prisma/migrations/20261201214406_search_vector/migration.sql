-- Written by hand: Prisma cannot express a generated column or a GIN index, and its later diffs
-- (schema to schema) leave both alone.

-- Search ranked every matching message by re-parsing its text: a common word over 500,000 messages
-- took seconds. The vector is now computed once, when the text is written, and stored. Adding the
-- column fills it for every existing row (the table is rewritten once).
ALTER TABLE "Message" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', coalesce("searchText", ''))) STORED;

-- The stored column replaces the expression index of the "search" migration.
CREATE INDEX "Message_searchVector_idx" ON "Message" USING GIN ("searchVector");
DROP INDEX "Message_searchText_fts_idx";
