-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "runnerId" TEXT;

-- CreateIndex
CREATE INDEX "Message_status_idx" ON "Message"("status");
