-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "idleTimeoutMs" INTEGER NOT NULL DEFAULT 60000;
