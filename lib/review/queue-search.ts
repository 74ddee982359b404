// The reviewer queue's text search at a million claims. One lookup first (`resolveSearch`): the
// organisations whose name matches (a trigram index on Organization.name), the organisation of the
// PartnerID typed, and up to 1,000 claims whose name matches (a trigram index on Claim.name), unless the
// planner's statistics show the text in many names (`nameLookup`: then the page filters names as it
// walks its own order, where a page fills at once). Then the
// page reads each part by its own index in page order (`searchLegs`: one organisation's claims walk
// (organizationId, sort, id), the matching ids are a short sorted list), each part excluding the
// earlier ones, so a claim shows once; the parts are merged in page order (lib/review/queue.ts).
//
// Claim names are searched from three letters or digits in a row: a trigram index needs three
// characters to narrow anything (the queue page says so under the search box). Organisation names,
// PartnerIDs, claim ids and tenant ids are searched at any length.
import { Prisma } from "../generated/prisma/client";
import { GUID } from "../claims/schemas";
import { parseId } from "../text";
import type { Db, Tx } from "../db-client";

/** At least this many letters or digits in a row before claim names are searched. */
export const NAME_SEARCH_RUN = 3;
const NAME_RUN = new RegExp(`[\\p{L}\\p{N}]{${NAME_SEARCH_RUN}}`, "u");
/** Whether a search text is long enough to search claim names (see NAME_SEARCH_RUN). */
export const searchesClaimNames = (q: string) => NAME_RUN.test(q);

/** Claim-name matches read by id, at most; beyond it the page walks its own order, where a page fills at once. */
export const NAME_IDS = 1000;
/** Organisations read one by one in page order, at most; beyond it the page walks its own order. */
export const ORGANIZATION_LEGS = 8;

export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** What a search text matches, read once for a page, its count and every page of an export. */
export type ResolvedSearch =
  | { kind: "tenant"; q: string }
  | {
      kind: "text";
      q: string;
      /** Organisations whose name matches. */
      organizationIds: string[];
      /** The organisation of the PartnerID typed, when it is one. */
      partnerOrganizationId: string | null;
      /** Claims whose name matches (up to NAME_IDS); "many" when there are more; null when names are not searched. */
      claimIds: string[] | "many" | null;
      /** Whether the text could be a claim id. */
      asId: boolean;
    };

/**
 * Claim names the planner expects to match beyond this many are not looked up by id: a text in that
 * many names fills a page at once in the page's own order, while reading every entry of its common
 * trigrams would cost more than the page. (The estimate comes from the column's statistics, a sample of
 * names; a text they do not show as common is looked up, as any rare one.)
 */
export const COMMON_NAME_ROWS = 20 * NAME_IDS;

/** How the lookup treats claim names: looked up by the trigram index, known to be common, or not searched (too short). */
export type NameLookup = "lookup" | "common" | "none";

/** The lookup's SQL (the benchmark EXPLAINs it): matching organisations, the PartnerID's organisation, matching claim names. */
export function searchLookupSql(q: string, names: NameLookup = searchesClaimNames(q) ? "lookup" : "none"): Prisma.Sql {
  const like = likePattern(q);
  return Prisma.sql`
    SELECT
      ARRAY(SELECT o.id FROM "Organization" o WHERE o.name ILIKE ${like} ORDER BY o.id) AS organizations,
      (SELECT l."organizationId" FROM "PartnerLocation" l WHERE l."partnerId" = ${q}) AS partner,
      ${names === "lookup" ? Prisma.sql`ARRAY(SELECT s.id FROM "Claim" s WHERE s.name ILIKE ${like} LIMIT ${NAME_IDS + 1})` : Prisma.sql`NULL::text[]`} AS ids`;
}

/** Whether claim names are looked up by id for `q` (the planner's estimate of the names matching it, from the statistics alone). */
export async function nameLookup(client: Tx, q: string): Promise<NameLookup> {
  if (!searchesClaimNames(q)) return "none";
  const [row] = await client.$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Claim" s WHERE s.name ILIKE ${likePattern(q)}`;
  const plan = row["QUERY PLAN"];
  const [{ Plan: top }] = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: { "Plan Rows": number } }[];
  return top["Plan Rows"] > COMMON_NAME_ROWS ? "common" : "lookup";
}

/** The one lookup a text search starts with. */
export async function resolveSearch(client: Tx, q: string | undefined): Promise<ResolvedSearch | undefined> {
  if (!q) return undefined;
  if (GUID.test(q)) return { kind: "tenant", q };
  type Found = { organizations: string[]; partner: string | null; ids: string[] | null };
  const names = await nameLookup(client, q);
  // A name matching many claims could tempt the planner to read Claim in full until 1,001 turn up: the
  // lookup stays on the trigram index (in a transaction of its own when the client can open one).
  const sql = searchLookupSql(q, names);
  const [row] =
    typeof (client as Partial<Db>).$transaction === "function"
      ? (await (client as Db).$transaction([client.$executeRaw`SET LOCAL enable_seqscan = off`, client.$queryRaw<Found[]>(sql)]))[1]
      : await client.$queryRaw<Found[]>(sql);
  return {
    kind: "text",
    q,
    organizationIds: row.organizations,
    partnerOrganizationId: row.partner,
    claimIds: names === "common" ? "many" : row.ids === null ? null : row.ids.length > NAME_IDS ? "many" : row.ids,
    asId: parseId(q) !== null,
  };
}

/**
 * The search's parts as conditions on `c` (a Claim), each excluding the claims of the earlier ones, in
 * the order they are read. Empty: the search matches nothing.
 */
export function searchLegs(search: ResolvedSearch): Prisma.Sql[] {
  if (search.kind === "tenant") return [Prisma.sql`(c."tenantId" = ${search.q.toLowerCase()}::uuid OR c.id = ${search.q})`];
  const legs: Prisma.Sql[] = [];
  const earlier: Prisma.Sql[] = [];
  const add = (leg: Prisma.Sql, excluded: Prisma.Sql) => {
    legs.push(earlier.length > 0 ? Prisma.sql`${leg} AND NOT (${Prisma.join(earlier, " OR ")})` : leg);
    earlier.push(excluded);
  };
  const orgs = search.organizationIds;
  if (orgs.length > ORGANIZATION_LEGS) {
    add(Prisma.sql`c."organizationId" = ANY(${orgs}::text[])`, Prisma.sql`c."organizationId" = ANY(${orgs}::text[])`);
  } else {
    for (const org of orgs) add(Prisma.sql`c."organizationId" = ${org}`, Prisma.sql`c."organizationId" = ${org}`);
  }
  const partnerOrg = search.partnerOrganizationId;
  if (partnerOrg && !orgs.includes(partnerOrg)) {
    // Through the location's organisation, so the organisation's index orders the part.
    const leg = Prisma.sql`(c."organizationId" = ${partnerOrg} AND c."partnerId" = ${search.q})`;
    add(leg, leg);
  }
  if (search.claimIds === "many") {
    const like = likePattern(search.q);
    add(Prisma.sql`c.name ILIKE ${like}`, Prisma.sql`c.name ILIKE ${like}`);
  } else if (search.claimIds && search.claimIds.length > 0) {
    add(Prisma.sql`c.id = ANY(${search.claimIds}::text[])`, Prisma.sql`c.id = ANY(${search.claimIds}::text[])`);
  }
  if (search.asId) add(Prisma.sql`c.id = ${search.q}`, Prisma.sql`c.id = ${search.q}`);
  return legs;
}

/**
 * The search as one self-contained condition on `c` (no lookup first): what the parts match together.
 * For reading a few claims (tests, one claim's checks); the queue reads by `searchLegs`.
 */
export function searchCondition(q: string): Prisma.Sql {
  if (GUID.test(q)) return Prisma.sql`(c."tenantId" = ${q.toLowerCase()}::uuid OR c.id = ${q})`;
  const like = likePattern(q);
  return Prisma.sql`(c."organizationId" IN (SELECT o2.id FROM "Organization" o2 WHERE o2.name ILIKE ${like})
    OR c."partnerId" = ${q} OR c.id = ${q}${searchesClaimNames(q) ? Prisma.sql` OR c.name ILIKE ${like}` : Prisma.empty})`;
}
