-- CreateEnum
CREATE TYPE "PoeDocumentType" AS ENUM ('MICROSOFT_TEMPLATE', 'SIGNED_STATEMENT_OF_WORK', 'CUSTOMER_EMAIL', 'OTHER');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "ProofOfExecution" (
    "claimId" TEXT NOT NULL,
    "documentType" "PoeDocumentType" NOT NULL,
    "activitiesDescription" TEXT NOT NULL,
    "activityWorkloads" JSONB NOT NULL,
    "customerAcknowledgedOn" DATE NOT NULL,
    "acknowledgedByName" TEXT NOT NULL,
    "acknowledgedByTitle" TEXT,
    "publicSector" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProofOfExecution_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "ClaimComment" (
    "claimId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimComment_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "ClaimSubmission" (
    "claimId" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgements" TEXT[],
    "hasConflict" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ClaimSubmission_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "PoeFile" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "blobName" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PoeFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "claimId" TEXT,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "messageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PoeFile_blobName_key" ON "PoeFile"("blobName");

-- CreateIndex
CREATE INDEX "PoeFile_claimId_idx" ON "PoeFile"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- AddForeignKey
ALTER TABLE "ProofOfExecution" ADD CONSTRAINT "ProofOfExecution_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimComment" ADD CONSTRAINT "ClaimComment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSubmission" ADD CONSTRAINT "ClaimSubmission_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoeFile" ADD CONSTRAINT "PoeFile_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

