-- Business Applications: one partner per subscription per engagement (Build intent - Advisor, Usage
-- recognition, Influenced revenue), no longer per subscription alone. Each subscription association
-- records its engagement, the partner role of the claim, and existing rows take it from their claim. Every
-- existing row stays valid: one active association per subscription implies one per subscription and
-- engagement.
ALTER TABLE "Association" ADD COLUMN "partnerRole" "PartnerRole";

UPDATE "Association" a SET "partnerRole" = c."partnerRole"
FROM "Claim" c
WHERE c.id = a."claimId" AND a."subscriptionId" IS NOT NULL;

DROP INDEX "Association_active_subscription_key";
CREATE UNIQUE INDEX "Association_active_subscription_engagement_key" ON "Association"("subscriptionId", "partnerRole") WHERE "endedAt" IS NULL AND "subscriptionId" IS NOT NULL;

-- A subscription association always names its engagement (the unique index treats NULLs as distinct).
ALTER TABLE "Association" ADD CONSTRAINT "Association_subscription_engagement_check" CHECK ("subscriptionId" IS NULL OR "partnerRole" IS NOT NULL);
