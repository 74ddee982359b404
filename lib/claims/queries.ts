// Reads of claims, always scoped to what the viewer may see: an incentive admin sees only their
// organisation's claims, so another organisation's id simply finds nothing.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { ClaimStatus, SolutionArea } from "../generated/prisma/enums";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import { GUID } from "./schemas";
import { reviewerOnlyActions } from "./history";
import { pageNumber, searchText } from "../text";
import { solutionAreas } from "./roles";
import { claimStatuses } from "./vocabulary";

export const claimScope = (viewer: PartnerViewer): Prisma.ClaimWhereInput => ({ organizationId: viewer.organization.id, deletedAt: null });

export const claimDetail = {
  workloads: { select: { workload: { select: { id: true, name: true, sortOrder: true } } } },
  subscriptions: { select: { subscription: { select: { id: true, workloadId: true, channel: true, endsAt: true } } } },
  location: { select: { partnerId: true, city: true } },
  events: { where: { action: { notIn: [...reviewerOnlyActions] } }, orderBy: { at: "asc" }, select: { id: true, at: true, action: true, fromStatus: true, toStatus: true, reasonCode: true, note: true, actor: { select: { name: true, email: true, role: true } } } },
} satisfies Prisma.ClaimInclude;

/** One claim of the viewer's organisation with everything it holds, or null. */
export function findClaim(viewer: PartnerViewer, id: string) {
  return db.claim.findFirst({ where: { ...claimScope(viewer), id }, include: claimDetail });
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof findClaim>>>;

export const claimSortFields = ["name", "status", "updatedAt", "createdAt"] as const;
export type ClaimListQuery = {
  status?: ClaimStatus;
  solutionArea?: SolutionArea;
  q?: string;
  sort: (typeof claimSortFields)[number];
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
};


export type ClaimFilters = Pick<ClaimListQuery, "status" | "solutionArea" | "q">;

export type ClaimListSearch = Partial<Record<"q" | "status" | "area" | "sort" | "dir" | "page", string | string[]>>;

/** The list's query from its URL (a URL can carry anything: unknown values are ignored, the page kept in range). */
export function claimListQuery(search: ClaimListSearch, pageSize: number): ClaimListQuery & { q: string } {
  const status = claimStatuses.find((s) => s === search.status);
  const solutionArea = solutionAreas.find((a) => a === search.area);
  const sort = claimSortFields.find((f) => f === search.sort) ?? "updatedAt";
  const direction = search.dir === "asc" ? "asc" : search.dir === "desc" ? "desc" : sort === "updatedAt" ? "desc" : "asc";
  return { status, solutionArea, q: searchText(search.q, 100) ?? "", sort, direction, page: pageNumber(search.page), pageSize };
}

/** The organisation's claims the list's filters and search select (the list and its export). */
export function claimListWhere(viewer: PartnerViewer, query: ClaimFilters): Prisma.ClaimWhereInput {
  const q = query.q?.trim();
  return {
    ...claimScope(viewer),
    ...(query.status ? { status: query.status } : {}),
    ...(query.solutionArea ? { solutionArea: query.solutionArea } : {}),
    ...(q ? (GUID.test(q) ? { tenantId: q.toLowerCase() } : { name: { contains: q, mode: "insensitive" as const } }) : {}),
  };
}

/**
 * One keyset page of the organisation's claims with the list's filters, newest first (created time,
 * then id): a page starts after the last claim of the one before, so claims added meanwhile never
 * shift a page. `limit + 1` rows are read to tell whether another page follows.
 */
export async function listClaimsAfter(viewer: PartnerViewer, query: ClaimFilters & { after: { createdAt: Date; id: string } | null; limit: number }) {
  const after = query.after;
  const rows = await db.claim.findMany({
    where: {
      AND: [
        claimListWhere(viewer, query),
        after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { workloads: claimDetail.workloads, subscriptions: claimDetail.subscriptions },
  });
  return { rows: rows.slice(0, query.limit), more: rows.length > query.limit };
}

/** The organisation's claims for the list page: filtered, searched, sorted and paginated in the database. */
export async function listClaims(viewer: PartnerViewer, query: ClaimListQuery) {
  const where = claimListWhere(viewer, query);
  const [total, rows] = await db.$transaction([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ [query.sort]: query.direction }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        name: true,
        tenantId: true,
        solutionArea: true,
        partnerRole: true,
        partnerId: true,
        status: true,
        updatedAt: true,
        workloads: { select: { workload: { select: { name: true, sortOrder: true } } } },
        subscriptions: { select: { subscriptionId: true } },
      },
    }),
  ]);
  return { total, rows };
}

export type ClaimListRow = Awaited<ReturnType<typeof listClaims>>["rows"][number];
