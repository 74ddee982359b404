-- Monthly usage figures from Microsoft systems, imported by npm run usage:import and shown on a claim
-- for the months its associations stand (lib/usage). A figure is for one tenant workload (Modern Work
-- and Security) or one subscription (Business Applications), never both.
-- CreateTable
CREATE TABLE "UsageFigure" (
    "id" TEXT NOT NULL,
    "tenantId" UUID NOT NULL,
    "workloadId" TEXT,
    "subscriptionId" UUID,
    "month" DATE NOT NULL,
    "activeUsers" INTEGER NOT NULL,
    "licensedSeats" INTEGER,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageFigure_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "UsageFigure" ADD CONSTRAINT "UsageFigure_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageFigure" ADD CONSTRAINT "UsageFigure_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one of workload and subscription, a month is its first day, and no negative counts.
ALTER TABLE "UsageFigure" ADD CONSTRAINT "UsageFigure_item_check" CHECK (("workloadId" IS NULL) <> ("subscriptionId" IS NULL));
ALTER TABLE "UsageFigure" ADD CONSTRAINT "UsageFigure_month_check" CHECK (EXTRACT(DAY FROM "month") = 1);
ALTER TABLE "UsageFigure" ADD CONSTRAINT "UsageFigure_counts_check" CHECK ("activeUsers" >= 0 AND ("licensedSeats" IS NULL OR "licensedSeats" >= 0));

-- The natural keys the import upserts on, and the lookups of a claim page: one figure per tenant
-- workload and month, one per subscription and month.
CREATE UNIQUE INDEX "UsageFigure_workload_month_key" ON "UsageFigure"("tenantId", "workloadId", "month") WHERE "workloadId" IS NOT NULL;
CREATE UNIQUE INDEX "UsageFigure_subscription_month_key" ON "UsageFigure"("subscriptionId", "month") WHERE "subscriptionId" IS NOT NULL;
