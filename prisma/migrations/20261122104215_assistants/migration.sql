-- CreateEnum
CREATE TYPE "AssistantVisibility" AS ENUM ('private', 'organisation');

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "assistantId" UUID,
ADD COLUMN     "assistantVersionId" UUID;

-- CreateTable
CREATE TABLE "Assistant" (
    "id" UUID NOT NULL,
    "creatorId" UUID NOT NULL,
    "visibility" "AssistantVisibility" NOT NULL DEFAULT 'private',
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "config" JSONB NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assistant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistantVersion" (
    "id" UUID NOT NULL,
    "assistantId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistantVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assistant_visibility_featured_updatedAt_idx" ON "Assistant"("visibility", "featured", "updatedAt");

-- CreateIndex
CREATE INDEX "Assistant_creatorId_updatedAt_idx" ON "Assistant"("creatorId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AssistantVersion_assistantId_version_key" ON "AssistantVersion"("assistantId", "version");

-- AddForeignKey
ALTER TABLE "Assistant" ADD CONSTRAINT "Assistant_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistantVersion" ADD CONSTRAINT "AssistantVersion_assistantId_fkey" FOREIGN KEY ("assistantId") REFERENCES "Assistant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
