-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "activeLeafId" UUID;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "parentId" UUID;

-- CreateIndex
CREATE INDEX "Message_parentId_idx" ON "Message"("parentId");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every conversation written before branches is one line, each message following the one
-- before it (in the order the app has always shown them), and its newest message is the leaf shown.
UPDATE "Message" m SET "parentId" = ordered.previous
FROM (
  SELECT id, lag(id) OVER (PARTITION BY "conversationId" ORDER BY "createdAt", id) AS previous FROM "Message"
) ordered
WHERE m.id = ordered.id AND ordered.previous IS NOT NULL;

UPDATE "Conversation" c SET "activeLeafId" = (
  SELECT m.id FROM "Message" m WHERE m."conversationId" = c.id ORDER BY m."createdAt" DESC, m.id DESC LIMIT 1
);
