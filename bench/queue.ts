// The reviewer's queue at a million claims: seeds them set-based into the benchmark's own database,
// then times typical filter combinations through `listQueue` (first page and a deep keyset page)
// beside PostgreSQL's own execution time of the same SQL, and names the plan's scans on "Claim".
import pg from "pg";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { listQueue, queuePageSql, queueQuerySchema, searchPlan, type QueueQuery } from "../lib/review/queue";

const CLAIMS = 1_000_000;
const ORGANIZATIONS = 200;
const PAGE = 50;
const DEEP_PAGES = 200;
const WARMUP = 5;
const RUNS = 50;
export const QUEUE_TARGET_MS = 25;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const orgId = (n: string) => `'qorg' || lpad(${n}::text, 3, '0')`;

/**
 * 200 organisations (1 to 3 locations and an admin each, sizes skewed so a few are large) and a
 * million claims: 20% drafts, 15% awaiting a decision, the rest decided or back with the partner;
 * submitted over two years. One INSERT ... SELECT per table, seeded random numbers, then ANALYZE.
 */
export async function seedQueueClaims(databaseUrl: string, reviewerId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`SELECT setseed(0.42)`);
    await client.query(`INSERT INTO "Organization" (id, name) SELECT ${orgId("o")}, 'Queue Partner ' || lpad(o::text, 3, '0') FROM generate_series(1, ${ORGANIZATIONS}) o`);
    await client.query(`
      INSERT INTO "PartnerLocation" ("partnerId", city, "organizationId")
      SELECT (8000000 + o * 10 + j)::text, 'City ' || o || '-' || j, ${orgId("o")}
      FROM generate_series(1, ${ORGANIZATIONS}) o, generate_series(0, 2) j WHERE j <= o % 3`);
    await client.query(`
      INSERT INTO "User" (id, email, name, "organizationId", "updatedAt")
      SELECT 'qusr' || lpad(o::text, 3, '0'), 'admin' || o || '@queue-partner.example', 'Admin ' || o, ${orgId("o")}, now()
      FROM generate_series(1, ${ORGANIZATIONS}) o`);
    // Claim's secondary indexes are built once after the load (from their own definitions), not row by row.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'Claim' AND indexname <> 'Claim_pkey'`,
    );
    for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
    await client.query(
      `
      INSERT INTO "Claim" (id, "organizationId", "partnerId", "solutionArea", "partnerRole", name, "tenantId",
        "customerContactName", "customerContactAddress", "customerContactEmail", "partnerContactName", "partnerContactEmail",
        status, "customerResponse", "statusChangedAt", "creationKey", "createdById", "createdAt", "updatedAt",
        "submittedAt", "deletedAt", "hasConflict", "assignedToId", "assignedAt")
      SELECT id, ${orgId("o")}, (8000000 + o * 10 + floor(r_loc * (1 + o % 3))::int)::text,
        (CASE WHEN r_area < 0.5 THEN 'MODERN_WORK_SECURITY' ELSE 'BUSINESS_APPLICATIONS' END)::"SolutionArea",
        (ARRAY['BUILD_INTENT_ADVISOR', 'USAGE_RECOGNITION', 'INFLUENCED_REVENUE', 'USE_OR_CONSUME'])[1 + floor(r_role * 4)::int]::"PartnerRole",
        'Customer ' || g, gen_random_uuid(),
        'Nancy Davolio', '1 Main Street', 'contact' || g || '@customer.example', 'Pat Partner', 'admin' || o || '@queue-partner.example',
        status::"ClaimStatus",
        (CASE WHEN status = 'DRAFT' OR r_resp < 0.55 THEN 'NONE' WHEN r_resp < 0.9 THEN 'APPROVED' ELSE 'DECLINED' END)::"CustomerResponse",
        changed, md5('queue-claim-' || g), 'qusr' || lpad(o::text, 3, '0'), created, coalesce(changed, created),
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
    for (const { definition } of indexes) await client.query(definition);
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000 };
}

/** An organisation in the middle of the size range (by approved claims), for the one-organisation view. */
async function midSizedOrganization(db: PrismaClient) {
  const rows = await db.$queryRaw<{ id: string; n: number }[]>`
    SELECT "organizationId" AS id, count(*)::int AS n FROM "Claim" WHERE status = 'APPROVED' AND "organizationId" LIKE 'qorg%'
    GROUP BY 1 ORDER BY 2, 1`;
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

async function explain(db: PrismaClient, query: QueueQuery, viewerId: string) {
  const sql = queuePageSql(query, viewerId, PAGE, await searchPlan(db, query));
  const times: number[] = [];
  let scans: string[] = [];
  for (let i = 0; i < 5; i++) {
    // `.text` is the SQL with PostgreSQL's $1 placeholders (`.sql` has `?`).
    const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`, ...sql.values);
    const value = Object.values(row)[0];
    const [plan] = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: PlanNode; "Execution Time": number }[];
    times.push(plan["Execution Time"]);
    scans = claimScans(plan.Plan);
  }
  return { executionMs: percentile(times, 50), scans };
}

async function time(db: PrismaClient, query: QueueQuery, viewerId: string) {
  for (let i = 0; i < WARMUP; i++) await listQueue(db, query, viewerId, PAGE);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await listQueue(db, query, viewerId, PAGE);
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** A cursor deep in the queue: walks up to 200 pages with `next` (fewer when the view ends sooner). */
async function deepCursor(db: PrismaClient, query: QueueQuery, viewerId: string) {
  let after: string | undefined;
  let pages = 1;
  for (; pages <= DEEP_PAGES; pages++) {
    const page = await listQueue(db, { ...query, after }, viewerId, PAGE);
    if (!page.next) break;
    after = page.next;
  }
  return { after, page: pages };
}

export async function queueBenchmark({ db, databaseUrl, reviewerId }: { db: PrismaClient; databaseUrl: string; reviewerId: string }) {
  const seeded = await seedQueueClaims(databaseUrl, reviewerId);
  return { seedSeconds: seeded.seconds, ...(await measureQueue(db, reviewerId)) };
}

/** Times the three views on the seeded claims. */
export async function measureQueue(db: PrismaClient, reviewerId: string) {
  const [{ n: claims }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Claim"`;
  const org = await midSizedOrganization(db);
  const combinations: { name: string; query: QueueQuery }[] = [
    { name: "awaiting, submitted oldest first", query: queueQuerySchema.parse({}) },
    { name: "awaiting + Business Applications + customer NONE, by age", query: queueQuerySchema.parse({ area: "BUSINESS_APPLICATIONS", response: "NONE", sort: "age" }) },
    { name: `APPROVED + one organisation (${org.n} approved), newest first`, query: queueQuerySchema.parse({ view: "APPROVED", org: org.id, dir: "desc" }) },
    // Beyond the three typical views: the filters no index narrows, to show what they cost.
    { name: "extra: awaiting + conflicts only", query: queueQuerySchema.parse({ conflict: "1" }) },
    { name: "extra: awaiting + name search matching nothing", query: queueQuerySchema.parse({ q: "no such claim" }) },
    { name: "extra: awaiting + search by an organisation's name", query: queueQuerySchema.parse({ q: "Queue Partner 100" }) },
    { name: "extra: all submitted + search matching many names", query: queueQuerySchema.parse({ view: "all", q: "Customer 1" }) },
  ];
  const rows = [];
  for (const { name, query } of combinations) {
    const deep = await deepCursor(db, query, reviewerId);
    const pages: [string, QueueQuery][] = [["first", query]];
    if (deep.after) pages.push([`deep (page ${deep.page})`, { ...query, after: deep.after }]);
    for (const [page, pageQuery] of pages) {
      const app = await time(db, pageQuery, reviewerId);
      const plan = await explain(db, pageQuery, reviewerId);
      const seqScan = plan.scans.some((s) => s.startsWith("Seq Scan"));
      rows.push({
        combination: name,
        page,
        "app p50": `${app.p50.toFixed(2)} ms`,
        "app p95": `${app.p95.toFixed(2)} ms`,
        "DB execution": `${plan.executionMs.toFixed(2)} ms`,
        "app p50 / DB": (app.p50 / plan.executionMs).toFixed(1),
        "plan on Claim": plan.scans.join("; "),
        "seq scan": seqScan ? "YES" : "no",
        target: app.p95 <= QUEUE_TARGET_MS && !seqScan ? "met" : "MISSED",
      });
    }
  }
  return { claims, rows };
}
