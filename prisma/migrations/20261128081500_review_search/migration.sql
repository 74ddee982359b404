-- The reviewer queue's search (lib/review/queue.ts): claim names by substring through a trigram
-- index, and PartnerIDs by equality, so a search that matches few claims reads only those.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Claim_name_trgm_idx" ON "Claim" USING gin ("name" gin_trgm_ops);
CREATE INDEX "Claim_partnerId_idx" ON "Claim"("partnerId");
