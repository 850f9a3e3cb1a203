-- AlterTable
ALTER TABLE "Assistant" ADD COLUMN     "avatar" JSONB NOT NULL DEFAULT '{"type":"emoji","value":"🤖"}';

-- Backfill from the current settings: emoji as they are, images without their bytes.
UPDATE "Assistant" SET "avatar" = CASE WHEN "config"->'avatar'->>'type' = 'image' THEN '{"type":"image"}'::jsonb ELSE "config"->'avatar' END
WHERE jsonb_typeof("config"->'avatar') = 'object';
