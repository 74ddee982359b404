// Reads of claims, always scoped to what the viewer may see: an incentive admin sees only their
// organisation's claims, so another organisation's id simply finds nothing.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { ClaimStatus, SolutionArea } from "../generated/prisma/enums";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import { GUID } from "./schemas";
import { reviewerOnlyActions } from "./history";

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


/** The organisation's claims for the list page: filtered, searched, sorted and paginated in the database. */
export async function listClaims(viewer: PartnerViewer, query: ClaimListQuery) {
  const q = query.q?.trim();
  const where: Prisma.ClaimWhereInput = {
    ...claimScope(viewer),
    ...(query.status ? { status: query.status } : {}),
    ...(query.solutionArea ? { solutionArea: query.solutionArea } : {}),
    ...(q ? (GUID.test(q) ? { tenantId: q.toLowerCase() } : { name: { contains: q, mode: "insensitive" as const } }) : {}),
  };
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
