-- Written by hand: Prisma cannot express a partial index, and its later diffs (schema to schema)
-- leave it alone.

-- One turn at a time per conversation, across app instances: at most one "streaming" message per
-- conversation. The NOT EXISTS guard of the turn writes alone let two instances both start a turn
-- under READ COMMITTED; with this index the second insert fails and is refused (409).
-- Answers already doubled by that race: all but the latest are marked interrupted first.
UPDATE "Message" m
SET status = 'interrupted',
    error = 'The server stopped before this answer was finished. Regenerate it to try again.',
    "runnerId" = NULL
WHERE m.status = 'streaming'
  AND EXISTS (
    SELECT 1 FROM "Message" o
    WHERE o."conversationId" = m."conversationId" AND o.status = 'streaming'
      AND (o."createdAt", o.id) > (m."createdAt", m.id)
  );

CREATE UNIQUE INDEX "Message_one_streaming_per_conversation" ON "Message" ("conversationId") WHERE status = 'streaming';
