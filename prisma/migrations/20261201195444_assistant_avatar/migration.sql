-- AlterTable
ALTER TABLE "Assistant" ADD COLUMN     "avatar" JSONB NOT NULL DEFAULT '{"type":"emoji","value":"🤖"}';

-- Backfill from the current settings.
UPDATE "Assistant" SET "avatar" = "config"->'avatar' WHERE jsonb_typeof("config"->'avatar') = 'object';
