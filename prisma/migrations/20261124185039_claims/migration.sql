-- CreateEnum
CREATE TYPE "PartnerRole" AS ENUM ('BUILD_INTENT_ADVISOR', 'USAGE_RECOGNITION', 'INFLUENCED_REVENUE', 'USE_OR_CONSUME');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'PARTNER_ACTION_REQUIRED', 'APPROVED', 'REJECTED', 'DISPUTE', 'REJECTED_FINAL');

-- CreateEnum
CREATE TYPE "CustomerResponse" AS ENUM ('NONE', 'APPROVED', 'DECLINED');

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "solutionArea" "SolutionArea" NOT NULL,
    "partnerRole" "PartnerRole" NOT NULL,
    "name" TEXT NOT NULL,
    "tenantId" UUID NOT NULL,
    "incentiveOptOut" BOOLEAN NOT NULL DEFAULT false,
    "dynamicsSellerName" TEXT,
    "customerName" TEXT,
    "isvSolutionName" TEXT,
    "customerContactName" TEXT NOT NULL,
    "customerContactTitle" TEXT,
    "customerContactAddress" TEXT NOT NULL,
    "customerContactEmail" TEXT NOT NULL,
    "customerLocale" TEXT NOT NULL DEFAULT 'en',
    "partnerContactName" TEXT NOT NULL,
    "partnerContactEmail" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'DRAFT',
    "customerResponse" "CustomerResponse" NOT NULL DEFAULT 'NONE',
    "customerRespondedAt" TIMESTAMP(3),
    "creationKey" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimWorkload" (
    "claimId" TEXT NOT NULL,
    "workloadId" TEXT NOT NULL,

    CONSTRAINT "ClaimWorkload_pkey" PRIMARY KEY ("claimId","workloadId")
);

-- CreateTable
CREATE TABLE "ClaimSubscription" (
    "claimId" TEXT NOT NULL,
    "subscriptionId" UUID NOT NULL,

    CONSTRAINT "ClaimSubscription_pkey" PRIMARY KEY ("claimId","subscriptionId")
);

-- CreateTable
CREATE TABLE "ClaimEvent" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "actorUserId" TEXT,
    "fromStatus" "ClaimStatus",
    "toStatus" "ClaimStatus",
    "reasonCode" TEXT,
    "note" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "ClaimEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WizardProgress" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 1,
    "data" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WizardProgress_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Claim_creationKey_key" ON "Claim"("creationKey");

-- CreateIndex
CREATE INDEX "Claim_organizationId_deletedAt_updatedAt_idx" ON "Claim"("organizationId", "deletedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "Claim_tenantId_idx" ON "Claim"("tenantId");

-- CreateIndex
CREATE INDEX "Claim_status_submittedAt_idx" ON "Claim"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ClaimWorkload_workloadId_idx" ON "ClaimWorkload"("workloadId");

-- CreateIndex
CREATE INDEX "ClaimSubscription_subscriptionId_idx" ON "ClaimSubscription"("subscriptionId");

-- CreateIndex
CREATE INDEX "ClaimEvent_claimId_at_idx" ON "ClaimEvent"("claimId", "at");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "PartnerLocation"("partnerId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimWorkload" ADD CONSTRAINT "ClaimWorkload_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimWorkload" ADD CONSTRAINT "ClaimWorkload_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSubscription" ADD CONSTRAINT "ClaimSubscription_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSubscription" ADD CONSTRAINT "ClaimSubscription_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WizardProgress" ADD CONSTRAINT "WizardProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
