// The customer contact's requests page (/c/requests, opened from the /c email): every submitted claim
// naming their address, grouped by tenant, and their answer to one of them. The answer is recorded as
// from the link page (lib/customer/respond.ts); what may be answered is `customerAnswers`.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { ClaimStatus, CustomerResponse, PartnerRole } from "../generated/prisma/enums";
import { db } from "../db";
import { lockClaim } from "../claims/lifecycle";
import type { Locale } from "../i18n/locales";
import { customerAnswers, customerItems, declineReasonSchema, recordAnswer, translatorFor } from "./respond";

/** At most this many requests are listed (the newest first). */
const MAX_REQUESTS = 200;

/**
 * The claims a customer contact may see and answer: submitted (not a Draft), not deleted, naming
 * `email` as the customer contact in any case. A claim id outside it finds nothing.
 */
export const namingContact = (email: string): Prisma.ClaimWhereInput => ({
  deletedAt: null,
  status: { not: "DRAFT" },
  customerContactEmail: { equals: email, mode: "insensitive" },
});

export type CustomerRequest = {
  id: string;
  partnerName: string;
  partnerId: string;
  partnerRole: PartnerRole;
  areaName: string;
  items: { name: string; subscriptions: string[] }[];
  status: ClaimStatus;
  submittedAt: Date | null;
  customerResponse: CustomerResponse;
  customerRespondedAt: Date | null;
  partnerContactName: string;
  partnerContactEmail: string;
  can: { approve: boolean; decline: boolean };
};

export type TenantRequests = { tenantId: string; tenantName: string | null; requests: CustomerRequest[] };

/** Every request naming `email`, grouped by tenant (the tenant of the newest request first). */
export async function customerRequests(email: string, locale: Locale): Promise<TenantRequests[]> {
  const claims = await db.claim.findMany({
    where: namingContact(email),
    include: {
      organization: { select: { name: true } },
      workloads: { include: { workload: true } },
      subscriptions: { include: { subscription: true } },
    },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    take: MAX_REQUESTS,
  });
  const tenants = await db.tenant.findMany({ where: { id: { in: [...new Set(claims.map((c) => c.tenantId))] } }, select: { id: true, name: true } });
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const { areas } = await translatorFor(locale);
  const groups = new Map<string, TenantRequests>();
  for (const claim of claims) {
    const group = groups.get(claim.tenantId) ?? { tenantId: claim.tenantId, tenantName: names.get(claim.tenantId) ?? null, requests: [] };
    group.requests.push({
      id: claim.id,
      partnerName: claim.organization.name,
      partnerId: claim.partnerId,
      partnerRole: claim.partnerRole,
      areaName: areas(claim.solutionArea),
      items: customerItems(claim),
      status: claim.status,
      submittedAt: claim.submittedAt,
      customerResponse: claim.customerResponse,
      customerRespondedAt: claim.customerRespondedAt,
      partnerContactName: claim.partnerContactName,
      partnerContactEmail: claim.partnerContactEmail,
      can: customerAnswers(claim),
    });
    groups.set(claim.tenantId, group);
  }
  return [...groups.values()];
}

export type SessionAnswer = { ok: true; outcome: "approved" | "declined" } | { ok: false; reason: "notFound" | "notOpen" | "invalidReason" };

/**
 * The answer of the session's contact to one claim: it must name their address and still take that
 * answer (checked under the claim's row lock, so a concurrent change is seen); then it is recorded as
 * from the link page. Nothing is recorded otherwise.
 */
export async function answerFromSession({
  email,
  claimId,
  choice,
  reason,
  request,
}: {
  email: string;
  claimId: string;
  choice: "approve" | "decline";
  reason: unknown;
  request: { ip?: string; userAgent?: string };
}): Promise<SessionAnswer> {
  return db.$transaction(async (tx): Promise<SessionAnswer> => {
    if (!(await lockClaim(tx, claimId))) return { ok: false, reason: "notFound" };
    const claim = await tx.claim.findFirst({ where: { id: claimId, ...namingContact(email) }, select: { status: true, customerResponse: true } });
    if (!claim) return { ok: false, reason: "notFound" };
    if (!customerAnswers(claim)[choice]) return { ok: false, reason: "notOpen" };
    const declined = choice === "decline" ? declineReasonSchema.safeParse(reason) : null;
    if (declined && !declined.success) return { ok: false, reason: "invalidReason" };
    const outcome = await recordAnswer(tx, { claimId, email, choice, reason: declined?.data, request });
    return outcome === "refused" ? { ok: false, reason: "notOpen" } : { ok: true, outcome };
  });
}
