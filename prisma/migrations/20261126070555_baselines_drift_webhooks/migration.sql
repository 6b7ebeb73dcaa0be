-- AlterTable
ALTER TABLE "DriftAlert" ADD COLUMN     "acknowledgeComment" TEXT,
ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "baselineId" UUID,
ADD COLUMN     "lastSnapshotId" UUID,
ADD COLUMN     "reopenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "subject" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "lastStatusCode" INTEGER;

-- AlterTable
ALTER TABLE "WebhookSubscription" ADD COLUMN     "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "createdBy" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "disabledReason" TEXT,
ADD COLUMN     "format" TEXT NOT NULL DEFAULT 'json';

-- CreateTable
CREATE TABLE "EnvironmentPin" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "baselineId" UUID NOT NULL,
    "baselineVersionId" UUID NOT NULL,
    "promotionId" UUID,
    "pinnedBy" TEXT NOT NULL,
    "pinnedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnvironmentPin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectivityReference" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "baselineId" UUID NOT NULL,
    "baselineVersionId" UUID NOT NULL,
    "snapshotId" UUID NOT NULL,
    "rows" JSONB NOT NULL,
    "acceptedBy" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectivityReference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EnvironmentPin_organizationId_idx" ON "EnvironmentPin"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "EnvironmentPin_environmentId_baselineId_key" ON "EnvironmentPin"("environmentId", "baselineId");

-- CreateIndex
CREATE INDEX "ConnectivityReference_organizationId_idx" ON "ConnectivityReference"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectivityReference_clusterId_baselineId_key" ON "ConnectivityReference"("clusterId", "baselineId");

-- CreateIndex
CREATE INDEX "DriftAlert_organizationId_severity_idx" ON "DriftAlert"("organizationId", "severity");

-- AddForeignKey
ALTER TABLE "EnvironmentPin" ADD CONSTRAINT "EnvironmentPin_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentPin" ADD CONSTRAINT "EnvironmentPin_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentPin" ADD CONSTRAINT "EnvironmentPin_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Baseline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentPin" ADD CONSTRAINT "EnvironmentPin_baselineVersionId_fkey" FOREIGN KEY ("baselineVersionId") REFERENCES "BaselineVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectivityReference" ADD CONSTRAINT "ConnectivityReference_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectivityReference" ADD CONSTRAINT "ConnectivityReference_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectivityReference" ADD CONSTRAINT "ConnectivityReference_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Baseline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriftAlert" ADD CONSTRAINT "DriftAlert_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Baseline"("id") ON DELETE CASCADE ON UPDATE CASCADE;
