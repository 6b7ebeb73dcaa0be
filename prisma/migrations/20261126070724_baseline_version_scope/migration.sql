-- AlterTable
ALTER TABLE "BaselineVersion" ADD COLUMN     "scope" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "sensitive" JSONB;
