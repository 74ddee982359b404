-- Dynamics 365 associations stay valid until their subscription expires: each subscription association
-- carries the end date of its subscription, and the association-end job ends it on that date.
ALTER TABLE "Association" ADD COLUMN "endsAt" TIMESTAMP(3);

UPDATE "Association" a SET "endsAt" = s."endsAt"
FROM "Subscription" s
WHERE s.id = a."subscriptionId";

-- The job reads the active associations that end by a given time.
CREATE INDEX "Association_active_ends_at_idx" ON "Association"("endsAt") WHERE "endedAt" IS NULL AND "endsAt" IS NOT NULL;
