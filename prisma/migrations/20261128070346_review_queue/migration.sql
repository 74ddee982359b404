-- DropIndex
DROP INDEX "Claim_status_submittedAt_idx";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assignedToId" TEXT,
ADD COLUMN     "hasConflict" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Claim_status_submittedAt_id_idx" ON "Claim"("status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_status_statusChangedAt_id_idx" ON "Claim"("status", "statusChangedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_organizationId_submittedAt_id_idx" ON "Claim"("organizationId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_submittedAt_id_idx" ON "Claim"("submittedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_assignedToId_submittedAt_id_idx" ON "Claim"("assignedToId", "submittedAt", "id");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The reviewer's default queue, "awaiting a decision" (lib/review/queue.ts: awaitingStatuses), in
-- submitted order and in status-age order. The query repeats this predicate word for word.
CREATE INDEX "Claim_awaiting_submittedAt_id_idx" ON "Claim"("submittedAt", "id") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'DISPUTE') AND "deletedAt" IS NULL;
CREATE INDEX "Claim_awaiting_statusChangedAt_id_idx" ON "Claim"("statusChangedAt", "id") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'DISPUTE') AND "deletedAt" IS NULL;

-- Claims submitted before the column existed keep the flag of their submission.
UPDATE "Claim" SET "hasConflict" = true FROM "ClaimSubmission" s WHERE s."claimId" = "Claim"."id" AND s."hasConflict";
