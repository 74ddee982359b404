// The reviewer's queue at a million claims: seeds them set-based into the benchmark's own database,
// then times typical filter combinations through `listQueue` (first page and a deep keyset page)
// beside PostgreSQL's own execution time of the same SQL, and names the plan's scans on "Claim".
import pg from "pg";
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { Prisma } from "../lib/generated/prisma/client";
import { COUNT_CAP, countQueue, isFiltered, listQueue, queueCountSql, queuePageSql, queueQuerySchema, queueSorts, queueViews, type QueueQuery } from "../lib/review/queue";
import { nameLookup, resolveSearch, searchLookupSql } from "../lib/review/queue-search";
import { computeDashboardFigures, readDashboard } from "../lib/review/dashboard";
import { record } from "./results";

const CLAIMS = 1_000_000;
const ORGANIZATIONS = 2000;
const PAGE = 50;
const DEEP_PAGES = 200;
const WARMUP = 5;
const RUNS = 30;
export const QUEUE_TARGET_MS = 25;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const orgId = (n: string) => `'qorg' || lpad(${n}::text, 4, '0')`;
// Organisation names as partners name themselves: 20 x 10 x 10 distinct names, sharing words (so a
// search for one word finds many organisations, a whole name one).
const FIRST = ["Contoso", "Fabrikam", "Northwind", "Adventure", "Tailspin", "Woodgrove", "Litware", "Proseware", "Lucerne", "Wingtip", "Alpine", "Coho", "Relecloud", "Trey", "Margie", "Humongous", "Wide World", "Blue Yonder", "Fourth Coffee", "Graphic"];
const SECOND = ["Cloud", "Digital", "Data", "Business", "Software", "Network", "Security", "Analytics", "Consulting", "Systems"];
const THIRD = ["Solutions", "Partners", "Group", "Services", "Labs", "Technologies", "Works", "Advisors", "Holdings", "Japan"];
const words = (list: string[]) => `(ARRAY[${list.map((w) => `'${w}'`).join(", ")}])`;
// Claim names as partners write them: the customer's name (500 distinct) and a reference number.
const CUSTOMER = ["Northwind", "Tailwind", "Alpine Ski", "Bellows", "Consolidated", "Datum", "Fincher", "Humboldt", "Kinetic", "Lamna", "Munson", "Nod", "Olympia", "Phoenix", "Quantum", "Rainier", "Southridge", "Trio", "Vanarsdel", "Woodgrove", "Yakima", "Zava", "Baldwin", "Cascade", "Duluth"];
const CUSTOMER_KIND = ["Traders", "Bank", "Museum", "Hospital", "Airlines", "Foods", "Energy", "Insurance", "Pharma", "Retail", "Logistics", "University", "Motors", "Media", "Clinic", "Hotels", "Farms", "Textiles", "Mining", "Studios"];
const customerName = (g: string) => `${words(CUSTOMER)}[1 + ${g} % 25] || ' ' || ${words(CUSTOMER_KIND)}[1 + (${g} / 25) % 20] || ' ' || ${g}`;
const orgName = (n: string) =>
  `${words(FIRST)}[1 + ${n} % 20] || ' ' || ${words(SECOND)}[1 + (${n} / 20) % 10] || ' ' || ${words(THIRD)}[1 + (${n} / 200) % 10]`;

/**
 * 2,000 organisations (1 to 3 locations and an admin each, sizes skewed so a few are large) and a
 * million claims: 20% drafts, 15% awaiting a decision, the rest decided or back with the partner;
 * submitted over two years. One INSERT ... SELECT per table, seeded random numbers, then VACUUM ANALYZE.
 */
export async function seedQueueClaims(databaseUrl: string, reviewerId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`SELECT setseed(0.42)`);
    await client.query(`INSERT INTO "Organization" (id, name) SELECT ${orgId("o")}, ${orgName("(o - 1)")} FROM generate_series(1, ${ORGANIZATIONS}) o`);
    await client.query(`
      INSERT INTO "PartnerLocation" ("partnerId", city, "organizationId")
      SELECT (8000000 + o * 10 + j)::text, 'City ' || o || '-' || j, ${orgId("o")}
      FROM generate_series(1, ${ORGANIZATIONS}) o, generate_series(0, 2) j WHERE j <= o % 3`);
    await client.query(`
      INSERT INTO "User" (id, email, name, "organizationId", "updatedAt")
      SELECT 'qusr' || lpad(o::text, 4, '0'), 'admin' || o || '@queue-partner.example', 'Admin ' || o, ${orgId("o")}, now()
      FROM generate_series(1, ${ORGANIZATIONS}) o`);
    // Claim's secondary indexes are built once after the load (from their own definitions), not row by row.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'Claim' AND indexname <> 'Claim_pkey'`,
    );
    for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
    // The dashboard's change rows are added once for the whole load (one per status), not one per row.
    await client.query(`ALTER TABLE "Claim" DISABLE TRIGGER "Claim_status_count"`);
    await client.query(
      `
      INSERT INTO "Claim" (id, "organizationId", "partnerId", "solutionArea", "partnerRole", name, "tenantId",
        "customerContactName", "customerContactAddress", "customerContactEmail", "partnerContactName", "partnerContactEmail",
        status, "customerResponse", "statusChangedAt", "creationKey", "createdById", "createdAt", "updatedAt",
        "submittedAt", "deletedAt", "hasConflict", "assignedToId", "assignedAt")
      SELECT id, ${orgId("o")}, (8000000 + o * 10 + floor(r_loc * (1 + o % 3))::int)::text,
        (CASE WHEN r_area < 0.5 THEN 'MODERN_WORK_SECURITY' ELSE 'BUSINESS_APPLICATIONS' END)::"SolutionArea",
        (ARRAY['BUILD_INTENT_ADVISOR', 'USAGE_RECOGNITION', 'INFLUENCED_REVENUE', 'USE_OR_CONSUME'])[1 + floor(r_role * 4)::int]::"PartnerRole",
        ${customerName("g")}, gen_random_uuid(),
        'Nancy Davolio', '1 Main Street', 'contact' || g || '@customer.example', 'Pat Partner', 'admin' || o || '@queue-partner.example',
        status::"ClaimStatus",
        (CASE WHEN status = 'DRAFT' OR r_resp < 0.55 THEN 'NONE' WHEN r_resp < 0.9 THEN 'APPROVED' ELSE 'DECLINED' END)::"CustomerResponse",
        changed, md5('queue-claim-' || g), 'qusr' || lpad(o::text, 4, '0'), created, coalesce(changed, created),
        submitted,
        CASE WHEN status = 'DRAFT' AND r_del < 0.05 THEN created + interval '1 day' END,
        status <> 'DRAFT' AND r_conf < 0.03,
        CASE WHEN (status IN ('UNDER_REVIEW', 'DISPUTE') AND r_assign < 0.7) OR (status NOT IN ('DRAFT', 'SUBMITTED') AND r_assign < 0.05) THEN $1 END,
        CASE WHEN (status IN ('UNDER_REVIEW', 'DISPUTE') AND r_assign < 0.7) OR (status NOT IN ('DRAFT', 'SUBMITTED') AND r_assign < 0.05) THEN changed END
      FROM (
        SELECT *,
          CASE WHEN status = 'SUBMITTED' THEN submitted ELSE submitted + r_change * (anchor - submitted) END AS changed,
          CASE WHEN status = 'DRAFT' THEN anchor - r_sub * interval '60 days' ELSE submitted - r_change * interval '14 days' END AS created
        FROM (
          SELECT *, CASE WHEN status = 'DRAFT' THEN NULL ELSE anchor - r_sub * interval '730 days' END AS submitted
          FROM (
            SELECT g, 'qb' || md5(g::text) AS id, (now() AT TIME ZONE 'UTC') AS anchor,
              1 + floor(${ORGANIZATIONS} * power(r_org, 1.6))::int AS o,
              CASE WHEN r_status < 0.20 THEN 'DRAFT' WHEN r_status < 0.27 THEN 'SUBMITTED' WHEN r_status < 0.32 THEN 'UNDER_REVIEW'
                   WHEN r_status < 0.35 THEN 'DISPUTE' WHEN r_status < 0.40 THEN 'PARTNER_ACTION_REQUIRED' WHEN r_status < 0.80 THEN 'APPROVED'
                   WHEN r_status < 0.92 THEN 'REJECTED' ELSE 'REJECTED_FINAL' END AS status,
              r_loc, r_area, r_role, r_resp, r_sub, r_change, r_conf, r_assign, r_del
            FROM (
              SELECT g, random() AS r_org, random() AS r_status, random() AS r_loc, random() AS r_area, random() AS r_role, random() AS r_resp,
                random() AS r_sub, random() AS r_change, random() AS r_conf, random() AS r_assign, random() AS r_del
              FROM generate_series(1, ${CLAIMS}) g
            ) r
          ) s
        ) t
      ) u`,
      [reviewerId],
    );
    await client.query(`ALTER TABLE "Claim" ENABLE TRIGGER "Claim_status_count"`);
    await client.query(`
      INSERT INTO "ClaimStatusCount" (status, delta)
      SELECT status, count(*)::int FROM "Claim" WHERE id LIKE 'qb%' AND "deletedAt" IS NULL AND status <> 'DRAFT' GROUP BY status`);
    for (const { definition } of indexes) await client.query(definition);
    // As a table in use would be: vacuumed (the visibility map set) and analysed.
    await client.query(`VACUUM (ANALYZE) "Claim"`);
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000 };
}

/** An organisation in the middle of the size range (by approved claims), for the one-organisation view. */
async function midSizedOrganization(db: PrismaClient) {
  const rows = await db.$queryRaw<{ id: string; name: string; n: number }[]>`
    SELECT c."organizationId" AS id, min(o.name) AS name, count(*)::int AS n FROM "Claim" c JOIN "Organization" o ON o.id = c."organizationId"
    WHERE c.status = 'APPROVED' AND c."organizationId" LIKE 'qorg%'
    GROUP BY 1 ORDER BY 3, 1`;
  return rows[Math.floor(rows.length / 2)];
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

/** The plan's nodes that read "Claim": the node type and, for index scans, the index. */
function claimScans(node: PlanNode, found: string[] = []) {
  const onClaim = node["Relation Name"] === "Claim" || node["Index Name"]?.startsWith("Claim_");
  if (onClaim) found.push(node["Index Name"] ? `${node["Node Type"]} ${node["Index Name"]}` : node["Node Type"]);
  for (const child of node.Plans ?? []) claimScans(child, found);
  return found;
}

/** EXPLAIN ANALYZE of some SQL, five times: the median execution time and the scans on Claim. */
async function explain(db: PrismaClient, sql: Prisma.Sql, { indexOnly = false }: { indexOnly?: boolean } = {}) {
  const times: number[] = [];
  let scans: string[] = [];
  for (let i = 0; i < 5; i++) {
    // `.text` is the SQL with PostgreSQL's $1 placeholders (`.sql` has `?`).
    const query = db.$queryRawUnsafe<Record<string, unknown>[]>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`, ...sql.values);
    // The search's lookup runs so (lib/review/queue-search.ts: resolveSearch).
    const [row] = indexOnly ? (await db.$transaction([db.$executeRaw`SET LOCAL enable_seqscan = off`, query]))[1] : await query;
    const value = Object.values(row)[0];
    const [plan] = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: PlanNode; "Execution Time": number }[];
    times.push(plan["Execution Time"]);
    scans = claimScans(plan.Plan);
  }
  return { executionMs: percentile(times, 50), scans: [...new Set(scans)] };
}

async function time(work: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** A cursor deep in the queue: walks up to 200 pages with `next` (fewer when the view ends sooner). */
async function deepCursor(db: PrismaClient, query: QueueQuery, viewerId: string) {
  const search = await resolveSearch(db, query.q);
  let after: string | undefined;
  let pages = 1;
  for (; pages <= DEEP_PAGES; pages++) {
    const page = await listQueue(db, { ...query, after }, viewerId, PAGE, search);
    if (!page.next) break;
    after = page.next;
  }
  return { after, page: pages };
}

export async function queueBenchmark({ db, databaseUrl, reviewerId }: { db: PrismaClient; databaseUrl: string; reviewerId: string }) {
  const seeded = await seedQueueClaims(databaseUrl, reviewerId);
  return { seedSeconds: seeded.seconds, ...(await measureQueue(db, reviewerId)) };
}

/** Every combination the benchmark times: each view, sort and direction, each filter, each kind of search. */
async function combinations(db: PrismaClient): Promise<{ name: string; query: QueueQuery }[]> {
  const org = await midSizedOrganization(db);
  const [partner] = await db.$queryRaw<{ partnerId: string }[]>`SELECT "partnerId" FROM "PartnerLocation" WHERE "organizationId" = ${org.id} LIMIT 1`;
  const [tenant] = await db.$queryRaw<{ tenantId: string }[]>`SELECT "tenantId"::text AS "tenantId" FROM "Claim" WHERE id = 'qb' || md5('500000')`;
  const list: { name: string; query: QueueQuery }[] = [];
  for (const view of queueViews)
    for (const sort of queueSorts)
      for (const dir of ["asc", "desc"] as const) list.push({ name: `${view}, by ${sort} ${dir}`, query: queueQuerySchema.parse({ view, sort, dir }) });
  const filters: [string, Record<string, string>][] = [
    ["Business Applications", { area: "BUSINESS_APPLICATIONS" }],
    ["role Usage recognition", { role: "USAGE_RECOGNITION" }],
    ["customer declined", { response: "DECLINED" }],
    [`one organisation (${org.n} approved)`, { org: org.id }],
    ["one PartnerID", { partner: partner.partnerId }],
    ["submitted in one month", { from: monthAgo(3), to: monthAgo(2) }],
    ["conflicts only", { conflict: "1" }],
    ["overdue only", { overdue: "1" }],
    ["assigned to me", { assignee: "me" }],
    ["unassigned", { assignee: "none" }],
    ["search: a whole organisation name", { q: org.name }],
    ["search: one word of organisation names", { q: "Fabrikam" }],
    ["search: a PartnerID", { q: partner.partnerId }],
    ["search: a claim name", { q: "Munson Mining 123456" }],
    ["search: a rare substring", { q: "98765" }],
    ["search: a substring matching many names", { q: "Airlines" }],
    ["search: matching nothing", { q: "no such claim" }],
    ["search: two characters (organisation names only)", { q: "Co" }],
    ["search: a tenant ID", { q: tenant.tenantId }],
  ];
  for (const [name, params] of filters) {
    list.push({ name: `awaiting + ${name}`, query: queueQuerySchema.parse(params) });
  }
  // The filters on the whole queue by status age too, where they meet the most claims.
  for (const [name, params] of [filters[3], filters[6], filters[10], filters[12]] as const) {
    list.push({ name: `all by age desc + ${name}`, query: queueQuerySchema.parse({ view: "all", sort: "age", dir: "desc", ...params }) });
  }
  return list;
}

const monthAgo = (n: number) => {
  const at = new Date();
  at.setUTCMonth(at.getUTCMonth() - n, 1);
  return at.toISOString().slice(0, 10);
};

/** Times every combination on the seeded claims: the first and a deep page, and the count. */
export async function measureQueue(db: PrismaClient, reviewerId: string) {
  const [{ n: claims }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Claim"`;
  const rows = [];
  for (const { name, query } of await combinations(db)) {
    const deep = await deepCursor(db, query, reviewerId);
    const pages: [string, QueueQuery][] = [["first", query]];
    if (deep.after) pages.push([`deep (page ${deep.page})`, { ...query, after: deep.after }]);
    for (const [page, pageQuery] of pages) {
      // As the queue page does: the search's lookup, then the page (listQueue reads the lookup itself).
      const app = await time(() => listQueue(db, pageQuery, reviewerId, PAGE));
      const search = await resolveSearch(db, pageQuery.q);
      const plan = await explain(db, queuePageSql(pageQuery, reviewerId, PAGE, search));
      const lookup = pageQuery.q && search?.kind === "text" ? await explain(db, searchLookupSql(pageQuery.q, await nameLookup(db, pageQuery.q)), { indexOnly: true }) : undefined;
      const scans = [...plan.scans, ...(lookup?.scans.map((s) => `lookup: ${s}`) ?? [])];
      rows.push(row(name, page, app, (plan.executionMs + (lookup?.executionMs ?? 0)), scans));
    }
    const count = await time(() => countQueue(db, query, reviewerId));
    const search = await resolveSearch(db, query.q);
    const countPlan = isFiltered(query) ? await explain(db, queueCountSql(query, reviewerId, COUNT_CAP, search)) : { executionMs: 0, scans: ["(the counts by status)"] };
    rows.push(row(name, "count", count, countPlan.executionMs, countPlan.scans));
  }
  const dashboard = await measureDashboard(db);
  return { claims, rows, dashboard };
}

function row(combination: string, page: string, app: { p50: number; p95: number }, dbMs: number, scans: string[]) {
  const seqScan = scans.some((s) => s.includes("Seq Scan"));
  const met = app.p95 <= QUEUE_TARGET_MS && !seqScan;
  record(`queue: ${combination}, ${page}`, app.p95, "ms p95", `<= ${QUEUE_TARGET_MS} ms, no sequential scan on Claim`, met);
  return {
    combination,
    page,
    "app p50": `${app.p50.toFixed(2)} ms`,
    "app p95": `${app.p95.toFixed(2)} ms`,
    "DB execution": `${dbMs.toFixed(2)} ms`,
    "plan on Claim": scans.join("; "),
    "seq scan": seqScan ? "YES" : "no",
    target: met ? "met" : "MISSED",
  };
}

export const DASHBOARD_TARGET_MS = 50;

/** The whole dashboard (counts, overdue, the median as the job last computed it), and the job's own run. */
async function measureDashboard(db: PrismaClient) {
  const started = performance.now();
  await computeDashboardFigures(db);
  const jobMs = performance.now() - started;
  const app = await time(() => readDashboard(db));
  const met = app.p95 <= DASHBOARD_TARGET_MS;
  record("dashboard: whole page's figures", app.p95, "ms p95", `<= ${DASHBOARD_TARGET_MS} ms`, met);
  record("dashboard-figures job (median time to decision)", jobMs, "ms", "every 10 minutes (no target)", true);
  return { p50: app.p50, p95: app.p95, jobMs, met };
}
