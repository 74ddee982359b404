-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "statusChangedAt" TIMESTAMP(3),
ADD COLUMN     "statusReasonCode" TEXT,
ADD COLUMN     "statusReasonText" TEXT;

-- CreateTable
CREATE TABLE "Association" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "tenantId" UUID NOT NULL,
    "workloadId" TEXT,
    "subscriptionId" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "Association_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerLink" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),

    CONSTRAINT "CustomerLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Association_claimId_idx" ON "Association"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerLink_tokenHash_key" ON "CustomerLink"("tokenHash");

-- CreateIndex
CREATE INDEX "CustomerLink_claimId_idx" ON "CustomerLink"("claimId");

-- AddForeignKey
ALTER TABLE "Association" ADD CONSTRAINT "Association_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerLink" ADD CONSTRAINT "CustomerLink_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one active association per tenant workload (Modern Work and Security) and per
-- subscription (Business Applications), whatever happens concurrently.
CREATE UNIQUE INDEX "Association_active_workload_key" ON "Association"("tenantId", "workloadId") WHERE "endedAt" IS NULL AND "workloadId" IS NOT NULL;
CREATE UNIQUE INDEX "Association_active_subscription_key" ON "Association"("subscriptionId") WHERE "endedAt" IS NULL AND "subscriptionId" IS NOT NULL;
