// The reviewer's queue: every organisation's submitted claims, filtered, searched and sorted in the
// database, one keyset page at a time (a cursor of the sort value and the id, never OFFSET), so the
// tenth thousandth page costs what the first does. The same query feeds the queue page, its CSV
// export and the benchmark (bench/queue.ts).
//
// Indexes (prisma/schema.prisma and the review_queue migration): the default view "awaiting a
// decision" walks a partial index whose predicate the query repeats as literals (a bound parameter
// would keep the planner from proving the predicate); one status walks (status, submittedAt, id) or
// (status, statusChangedAt, id); one organisation walks (organizationId, submittedAt, id).
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import type { ClaimStatus, CustomerResponse, PartnerRole, SolutionArea } from "../generated/prisma/enums";
import { awaitingStatuses, dueAt, LIFECYCLE_TIMERS, overdueCutoff, reviewStatuses } from "../claims/vocabulary";
import { businessDaysBetween, timerStart } from "../claims/business-days";
import { partnerRoles, solutionAreas } from "../claims/roles";
import { idSchema, parseId, searchText, wellFormedText } from "../text";
import { sqlList, type Db, type Tx } from "../db-client";
import { resolveSearch, searchCondition, searchLegs, type ResolvedSearch } from "./queue-search";
import { countByStatuses } from "./status-counts";

/**
 * The statuses whose timer is the reviewers' to keep (Submitted 5, Under review 14, Dispute 5 business
 * days): "overdue" in the console means one of these. The other timers are the partner's.
 */
export const isReviewerTimed = (status: ClaimStatus) => (awaitingStatuses as readonly ClaimStatus[]).includes(status) && status in LIFECYCLE_TIMERS;

/** Reviewers never see drafts. */
export const queueViews = ["awaiting", ...reviewStatuses, "all"] as const;
export type QueueView = (typeof queueViews)[number];
export const queueSorts = ["submitted", "age"] as const;
export const customerResponses = ["NONE", "APPROVED", "DECLINED"] as const satisfies readonly CustomerResponse[];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A cursor as the URL carries it: base64url, of a bounded length (decodeCursor checks what it holds). */
const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,200}$/;
const optional = <T extends z.core.SomeType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), z.optional(schema));
/** A real calendar day (2021-02-30 is not one), from year 1970 on. */
const realDay = (v: string) => {
  const at = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === v && at.getUTCFullYear() >= 1970;
};
const day = optional(z.string().regex(DAY).refine(realDay));

/** Typed text (a search, a PartnerID): stripped of characters that are not text (lib/text.ts), so a stray one still searches. */
const typed = (max: number) => z.preprocess((v) => searchText(v), z.string().max(max).optional());

/**
 * The queue's query as the URL carries it (every parameter optional; anything unknown or malformed is
 * dropped rather than refused, so an edited URL still shows a queue). The CSV export is stricter: see
 * `queueQueryProblem`.
 */
export const queueQuerySchema = z.object({
  view: z.enum(queueViews).catch("awaiting").default("awaiting"),
  area: optional(z.enum(solutionAreas)).catch(undefined),
  role: optional(z.enum(partnerRoles)).catch(undefined),
  /** An organisation id. */
  org: optional(idSchema).catch(undefined),
  /** A PartnerID (location). */
  partner: typed(20).catch(undefined),
  response: optional(z.enum(customerResponses)).catch(undefined),
  from: day.catch(undefined),
  to: day.catch(undefined),
  conflict: optional(z.enum(["1"])).catch(undefined),
  /** Only claims whose status timer has run out. */
  overdue: optional(z.enum(["1"])).catch(undefined),
  assignee: optional(z.enum(["me", "none"])).catch(undefined),
  q: typed(100).catch(undefined),
  sort: z.enum(queueSorts).catch("submitted").default("submitted"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  /** The cursor of the next page (the last row shown) or of the previous page (the first row shown). */
  after: optional(z.string().regex(CURSOR_TEXT)).catch(undefined),
  before: optional(z.string().regex(CURSOR_TEXT)).catch(undefined),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

const wellFormedParameter = wellFormedText().check(z.maxLength(1000));

/**
 * Why a URL's query cannot be exported as it stands, or null: a parameter (name or value) that is not
 * well-formed text, or too long. The export answers 400 before it starts rather than drop the filter
 * silently, which would export more than the reviewer asked for.
 */
export function queueQueryProblem(params: URLSearchParams): "invalidQuery" | null {
  for (const [key, value] of params) if (!wellFormedParameter.safeParse(key).success || !wellFormedParameter.safeParse(value).success) return "invalidQuery";
  return null;
}

/** A page boundary: the row's sort value and id, opaque to the browser. */
type Cursor = { at: Date; id: string };
export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
/** The moments a cursor may carry: the queue's dates are after 1970 and before the year 10000 (PostgreSQL refuses some outside). */
const CURSOR_EARLIEST = Date.UTC(1970, 0, 1);
const CURSOR_LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** The cursor, or undefined when it is not one of ours (malformed, a date out of range, an id that is not well formed): the first page. */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || parseId(id) === null) return undefined;
    const time = Date.parse(at);
    if (Number.isNaN(time) || time < CURSOR_EARLIEST || time > CURSOR_LATEST) return undefined;
    return { at: new Date(time), id: id as string };
  } catch {
    return undefined;
  }
}

export type QueueRow = {
  id: string;
  name: string;
  tenantId: string;
  solutionArea: SolutionArea;
  partnerRole: PartnerRole;
  partnerId: string;
  organizationId: string;
  organizationName: string;
  status: ClaimStatus;
  customerResponse: CustomerResponse;
  submittedAt: Date;
  statusChangedAt: Date;
  hasConflict: boolean;
  assignedToId: string | null;
  assignedToName: string | null;
};



/** The WHERE clause of a query: the view, the filters and (without a resolved search) the search as one condition. `viewerId` resolves "assigned to me". */
export function queueWhere(query: QueueQuery, viewerId: string, now: Date = new Date(), { search = true }: { search?: boolean } = {}): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  // Statuses come from the fixed enum list (validated above), so they can be literals.
  if (query.view === "awaiting") parts.push(Prisma.sql`c.status IN (${sqlList(awaitingStatuses)})`);
  else if (query.view === "all") parts.push(Prisma.sql`c."submittedAt" IS NOT NULL`);
  else parts.push(Prisma.sql`c.status = ${sqlList([query.view])}`);
  parts.push(Prisma.sql`c."deletedAt" IS NULL`);
  if (query.area) parts.push(Prisma.sql`c."solutionArea" = ${sqlList([query.area])}`);
  if (query.role) parts.push(Prisma.sql`c."partnerRole" = ${sqlList([query.role])}`);
  if (query.response) parts.push(Prisma.sql`c."customerResponse" = ${sqlList([query.response])}`);
  if (query.org) parts.push(Prisma.sql`c."organizationId" = ${query.org}`);
  if (query.partner) {
    // Through the location's organisation too, so the organisation's index narrows the walk.
    parts.push(Prisma.sql`c."partnerId" = ${query.partner}`);
    parts.push(Prisma.sql`c."organizationId" = (SELECT l."organizationId" FROM "PartnerLocation" l WHERE l."partnerId" = ${query.partner})`);
  }
  if (query.from) parts.push(Prisma.sql`c."submittedAt" >= ${`${query.from}T00:00:00.000Z`}::timestamp`);
  if (query.to) parts.push(Prisma.sql`c."submittedAt" < (${`${query.to}T00:00:00.000Z`}::timestamp + interval '1 day')`);
  // Literal, so the planner can use the partial indexes on conflicts.
  if (query.conflict) parts.push(Prisma.sql`c."hasConflict"`);
  if (query.overdue) {
    // Per timed status of the view: entered before the moment that makes it overdue now.
    const shown = query.view === "awaiting" ? awaitingStatuses : query.view === "all" ? reviewStatuses : [query.view];
    const timed = shown.filter(isReviewerTimed);
    const each = timed.map((s) => Prisma.sql`(c.status = ${sqlList([s])} AND c."statusChangedAt" < ${overdueCutoff(s, now)!}::timestamp)`);
    parts.push(each.length > 0 ? Prisma.sql`(${Prisma.join(each, " OR ")})` : Prisma.sql`false`);
  }
  if (query.assignee === "me") parts.push(Prisma.sql`c."assignedToId" = ${viewerId}`);
  if (query.assignee === "none") parts.push(Prisma.sql`c."assignedToId" IS NULL`);
  if (query.q && search) parts.push(searchCondition(query.q));
  return Prisma.join(parts, " AND ");
}

/** Whether any filter or search narrows the view (the count is then capped: see countQueue). */
export const isFiltered = (query: QueueQuery) =>
  Boolean(query.area || query.role || query.org || query.partner || query.response || query.from || query.to || query.conflict || query.overdue || query.assignee || query.q);

const sortColumn = (query: QueueQuery) => Prisma.raw(query.sort === "age" ? `c."statusChangedAt"` : `c."submittedAt"`);

/**
 * The conditions each part of the page is read by: one for the view and its filters, or, for a
 * search, one per part of the search (lib/review/queue-search.ts), each read by its own index in page
 * order. Empty: nothing matches.
 */
function queueLegs(query: QueueQuery, viewerId: string, search: ResolvedSearch | undefined, now: Date): Prisma.Sql[] {
  if (!query.q || !search) return [queueWhere(query, viewerId, now)];
  const base = queueWhere(query, viewerId, now, { search: false });
  return searchLegs(search).map((leg) => Prisma.sql`${base} AND ${leg}`);
}

/** The rows of one page (plus one, to know whether there is more), as SQL: `listQueue` runs it, the benchmark EXPLAINs it. */
export function queuePageSql(query: QueueQuery, viewerId: string, pageSize = 50, search?: ResolvedSearch, now: Date = new Date()): Prisma.Sql {
  const after = decodeCursor(query.after);
  const before = after ? undefined : decodeCursor(query.before);
  const column = sortColumn(query);
  // Walking backwards (the previous page) reverses the order; listQueue puts the rows back.
  const ascending = (query.dir === "asc") !== Boolean(before);
  const boundary = after ?? before;
  const keyset = boundary ? Prisma.sql`AND (${column}, c.id) ${Prisma.raw(ascending ? ">" : "<")} (${boundary.at}::timestamp, ${boundary.id})` : Prisma.empty;
  const order = Prisma.raw(ascending ? "ASC" : "DESC");
  const legs = queueLegs(query, viewerId, search, now);
  if (legs.length === 0) legs.push(Prisma.sql`false`);
  // Each part's page by its own index, then the parts' pages merged: the page.
  const ids = Prisma.join(
    legs.map((where) => Prisma.sql`(SELECT c.id, ${column} AS at FROM "Claim" c WHERE ${where} ${keyset} ORDER BY ${column} ${order}, c.id ${order} LIMIT ${pageSize + 1})`),
    " UNION ALL ",
  );
  return Prisma.sql`
    SELECT c.id, c.name, c."tenantId"::text AS "tenantId", c."solutionArea", c."partnerRole", c."partnerId", c."organizationId",
           o.name AS "organizationName", c.status, c."customerResponse", c."submittedAt", c."statusChangedAt", c."hasConflict",
           c."assignedToId", coalesce(u.name, u.email) AS "assignedToName"
    FROM (SELECT p.id, p.at FROM (${ids}) p ORDER BY p.at ${order}, p.id ${order} LIMIT ${pageSize + 1}) page
    JOIN "Claim" c ON c.id = page.id
    JOIN "Organization" o ON o.id = c."organizationId"
    LEFT JOIN "User" u ON u.id = c."assignedToId"
    ORDER BY page.at ${order}, page.id ${order}`;
}

/**
 * One page of the queue: `pageSize` rows after (or before) the cursor, with the cursors of the
 * neighbouring pages when they exist. `search`: the search's lookup, when the caller has it (else it is read).
 */
export async function listQueue(client: Tx, query: QueueQuery, viewerId: string, pageSize = 50, search?: ResolvedSearch) {
  const after = decodeCursor(query.after);
  const before = after ? undefined : decodeCursor(query.before);
  const rows = await client.$queryRaw<QueueRow[]>(queuePageSql(query, viewerId, pageSize, search ?? (await resolveSearch(client, query.q))));
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (before) page.reverse();
  const at = (row: QueueRow) => (query.sort === "age" ? row.statusChangedAt : row.submittedAt);
  const first = page[0];
  const last = page.at(-1);
  return {
    rows: page,
    next: last && (before || more) ? encodeCursor({ at: at(last), id: last.id }) : undefined,
    previous: first && (after || (before && more)) ? encodeCursor({ at: at(first), id: first.id }) : undefined,
  };
}

/** The count shown once the queue is filtered or searched: up to this many, "more than" beyond. */
export const COUNT_CAP = 1000;

/** The count's SQL for a filtered or searched queue: each part counted up to `cap` + 1 (the benchmark EXPLAINs it). */
export function queueCountSql(query: QueueQuery, viewerId: string, cap = COUNT_CAP, search?: ResolvedSearch, now: Date = new Date()): Prisma.Sql {
  const legs = queueLegs(query, viewerId, search, now);
  if (legs.length === 0) legs.push(Prisma.sql`false`);
  // In page order, so each part walks the index the page walks (a bare LIMIT may read Claim sequentially).
  const column = sortColumn(query);
  const each = Prisma.join(
    legs.map((where) => Prisma.sql`(SELECT 1 FROM "Claim" c WHERE ${where} ORDER BY ${column}, c.id LIMIT ${cap + 1})`),
    " UNION ALL ",
  );
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM (${each}) p LIMIT ${cap + 1}) s`;
}

/**
 * How many claims the queue shows: exact for a view unfiltered (from the dashboard's counts by status),
 * else counted up to `cap` (the queue says "more than 1,000" beyond it).
 */
export async function countQueue(client: Tx, query: QueueQuery, viewerId: string, { cap = COUNT_CAP, search }: { cap?: number; search?: ResolvedSearch } = {}): Promise<{ count: number; capped: boolean }> {
  if (!isFiltered(query)) {
    const statuses = query.view === "awaiting" ? awaitingStatuses : query.view === "all" ? reviewStatuses : [query.view];
    return { count: await countByStatuses(client, statuses), capped: false };
  }
  const [row] = await client.$queryRaw<{ n: number }[]>(queueCountSql(query, viewerId, cap, search ?? (await resolveSearch(client, query.q))));
  return { count: Math.min(row.n, cap), capped: row.n > cap };
}

/** A queue row's time in its status (business days, from the timer's start) and, for the reviewers' timers, when it falls due. */
export function rowTimer(row: Pick<QueueRow, "status" | "statusChangedAt">, now: Date) {
  const reviewers = isReviewerTimed(row.status);
  const due = reviewers ? dueAt(row.status, row.statusChangedAt) : null;
  return {
    // Zero until the timer starts (a weekend start counts from Monday).
    daysInStatus: Math.max(0, businessDaysBetween(timerStart(row.statusChangedAt), now)),
    timerDays: reviewers ? LIFECYCLE_TIMERS[row.status as keyof typeof LIFECYCLE_TIMERS] : null,
    due,
    overdue: due !== null && now.getTime() > due.getTime(),
  };
}

/** The organisations for the queue's organisation filter, by name. */
export function reviewOrganizations(client: Pick<Db, "organization">) {
  return client.organization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
