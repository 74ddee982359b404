-- Claims that left Draft before statusChangedAt was recorded: their timers and the queue's age order
-- count from their submission (or their last update when even that is missing).
UPDATE "Claim" SET "statusChangedAt" = coalesce("submittedAt", "updatedAt") WHERE "statusChangedAt" IS NULL AND status <> 'DRAFT';
