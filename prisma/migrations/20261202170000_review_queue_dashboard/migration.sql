-- The reviewer queue and dashboard at a million claims (lib/review/queue-search.ts, lib/review/dashboard.ts).

-- Search by an organisation name reads the organisations first, by trigrams.
CREATE INDEX "Organization_name_trgm_idx" ON "Organization" USING gin ("name" gin_trgm_ops);

-- The default view carries the columns the filters and a name search read, so its page and its count filter within the
-- index (an index-only scan) instead of fetching each claim.
DROP INDEX "Claim_awaiting_submittedAt_id_idx";
DROP INDEX "Claim_awaiting_statusChangedAt_id_idx";
CREATE INDEX "Claim_awaiting_submittedAt_id_idx" ON "Claim"("submittedAt", "id") INCLUDE ("status", "statusChangedAt", "solutionArea", "partnerRole", "customerResponse", "hasConflict", "assignedToId", "organizationId", "partnerId", "name") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'DISPUTE') AND "deletedAt" IS NULL;
CREATE INDEX "Claim_awaiting_statusChangedAt_id_idx" ON "Claim"("statusChangedAt", "id") INCLUDE ("status", "submittedAt", "solutionArea", "partnerRole", "customerResponse", "hasConflict", "assignedToId", "organizationId", "partnerId", "name") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'DISPUTE') AND "deletedAt" IS NULL;

-- The view of every submitted claim in status-age order (the query repeats this predicate word for word).
CREATE INDEX "Claim_all_statusChangedAt_id_idx" ON "Claim"("statusChangedAt", "id") WHERE "submittedAt" IS NOT NULL AND "deletedAt" IS NULL;
-- One organisation (a filter, or an organisation found by name) in status-age order.
CREATE INDEX "Claim_organizationId_statusChangedAt_id_idx" ON "Claim"("organizationId", "statusChangedAt", "id");
-- The dashboard counts the claims of each timed status not yet due (entered since its cutoff) from
-- this index alone.
CREATE INDEX "Claim_awaiting_status_statusChangedAt_idx" ON "Claim"("status", "statusChangedAt") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'DISPUTE') AND "deletedAt" IS NULL;
-- Conflicts only, in either order.
CREATE INDEX "Claim_conflict_submittedAt_id_idx" ON "Claim"("submittedAt", "id") INCLUDE ("status", "deletedAt") WHERE "hasConflict";
CREATE INDEX "Claim_conflict_statusChangedAt_id_idx" ON "Claim"("statusChangedAt", "id") INCLUDE ("status", "deletedAt", "submittedAt") WHERE "hasConflict";
-- Assigned to one reviewer, in status-age order.
CREATE INDEX "Claim_assignedToId_statusChangedAt_id_idx" ON "Claim"("assignedToId", "statusChangedAt", "id") WHERE "assignedToId" IS NOT NULL;

-- The dashboard counts claims by status from change rows: a trigger on Claim appends one row per
-- change of a counted claim (submitted, not deleted), in the transaction that makes the change, so
-- the sum per status is exact whatever commits or rolls back. The dashboard-figures job folds the rows
-- into one per status now and then.
CREATE TABLE "ClaimStatusCount" (
    "id" BIGSERIAL NOT NULL,
    "status" "ClaimStatus" NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "ClaimStatusCount_pkey" PRIMARY KEY ("id")
);

-- The body is an escaped string (a semicolon is written as its code) because the migration runner splits the script at each semicolon.
CREATE FUNCTION "claim_status_count"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP IN (\'UPDATE\', \'DELETE\') THEN
    IF OLD."deletedAt" IS NULL AND OLD.status <> \'DRAFT\' THEN
      INSERT INTO "ClaimStatusCount" (status, delta) VALUES (OLD.status, -1)\x3B
    END IF\x3B
  END IF\x3B
  IF TG_OP IN (\'INSERT\', \'UPDATE\') THEN
    IF NEW."deletedAt" IS NULL AND NEW.status <> \'DRAFT\' THEN
      INSERT INTO "ClaimStatusCount" (status, delta) VALUES (NEW.status, 1)\x3B
    END IF\x3B
  END IF\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "Claim_status_count" AFTER INSERT OR DELETE OR UPDATE OF status, "deletedAt" ON "Claim" FOR EACH ROW EXECUTE FUNCTION "claim_status_count"();

CREATE FUNCTION "claim_status_count_truncate"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "ClaimStatusCount"\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "Claim_status_count_truncate" AFTER TRUNCATE ON "Claim" FOR EACH STATEMENT EXECUTE FUNCTION "claim_status_count_truncate"();

INSERT INTO "ClaimStatusCount" (status, delta) SELECT status, count(*)::int FROM "Claim" WHERE "deletedAt" IS NULL AND status <> 'DRAFT' GROUP BY status;

-- Figures too costly to compute per page view (the median time to a decision), computed by the
-- dashboard-figures job and shown with the moment they were computed.
CREATE TABLE "DashboardFigure" (
    "id" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "windowDays" INTEGER NOT NULL,
    "medianDays" DOUBLE PRECISION,
    "decided" INTEGER NOT NULL,

    CONSTRAINT "DashboardFigure_pkey" PRIMARY KEY ("id")
);
