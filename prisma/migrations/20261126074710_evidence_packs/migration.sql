-- CreateTable
CREATE TABLE "EvidencePack" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "previousSha256" TEXT,
    "manifest" JSONB NOT NULL,
    "zip" BYTEA NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidencePack_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidencePack_organizationId_scope_createdAt_idx" ON "EvidencePack"("organizationId", "scope", "createdAt");

-- AddForeignKey
ALTER TABLE "EvidencePack" ADD CONSTRAINT "EvidencePack_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
