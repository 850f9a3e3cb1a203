-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "modelsErrorStatus" INTEGER;
