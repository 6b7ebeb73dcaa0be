-- AlterTable
ALTER TABLE "SnapshotAnalysis" ADD COLUMN     "connectionCount" INTEGER NOT NULL DEFAULT 0;
