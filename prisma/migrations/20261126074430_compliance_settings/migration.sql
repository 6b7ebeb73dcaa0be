-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "complianceSettings" JSONB NOT NULL DEFAULT '{}';
