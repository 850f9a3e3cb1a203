-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "contextWindow" INTEGER;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "omittedMessages" INTEGER;
