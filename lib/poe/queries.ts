// Reads of a claim's proof of execution, and what the Upload PoE page and the template download show.
// `proofOfClaim` takes a claim id the caller has already found through the viewer's scope
// (lib/claims/queries.ts); the others find the claim through that scope themselves, so none widens
// what a viewer can see.
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { findClaim } from "../claims/queries";
import { editableStatuses } from "../claims/vocabulary";
import { db } from "../db";
import { getTranslations } from "next-intl/server";
import { summaryOfClaim } from "../claims/summary";
import type { Locale } from "../i18n/locales";
import { poeTemplateFileName, renderPoeTemplate, type PoeTemplateInput } from "./template";
import { detailsForForm } from "./details";

export async function proofOfClaim(claimId: string) {
  const [proof, comment, files, submission] = await Promise.all([
    db.proofOfExecution.findUnique({ where: { claimId } }),
    db.claimComment.findUnique({ where: { claimId } }),
    db.poeFile.findMany({ where: { claimId }, orderBy: { uploadedAt: "asc" }, select: { id: true, fileName: true, kind: true, size: true, uploadedAt: true } }),
    db.claimSubmission.findUnique({ where: { claimId } }),
  ]);
  return {
    details: proof ? detailsForForm(proof) : null,
    comments: comment?.text ?? "",
    files: files.map((f) => ({ ...f, uploadedAt: f.uploadedAt.toISOString() })),
    submittedAt: submission?.submittedAt.toISOString() ?? null,
  };
}

export type ProofView = Awaited<ReturnType<typeof proofOfClaim>>;

/**
 * The Upload PoE page of the viewer's claim `id`: null when it is not theirs, `{ editable: false }` once
 * the proof can no longer change (a dispute's new files are added on the claim page instead).
 */
export async function poePageView(viewer: PartnerViewer, id: string) {
  const claim = await findClaim(viewer, id);
  if (!claim) return null;
  if (!editableStatuses.includes(claim.status)) return { editable: false as const, claimId: claim.id };
  const workloads = [...claim.workloads].sort((a, b) => a.workload.sortOrder - b.workload.sortOrder).map((w) => ({ id: w.workload.id, name: w.workload.name }));
  return {
    editable: true as const,
    claimId: claim.id,
    claimName: claim.name,
    workloads,
    proof: await proofOfClaim(claim.id),
    resubmission: claim.status === "PARTNER_ACTION_REQUIRED",
  };
}

/**
 * The template of the viewer's claim `id` in `locale`, prefilled from the claim, or null when the claim
 * is not the viewer's organisation's.
 */
export async function poeTemplateOfClaim(viewer: PartnerViewer, id: string, locale: Locale) {
  const claim = await findClaim(viewer, id);
  if (!claim) return null;
  const t = await getTranslations({ locale, namespace: "Roles" });
  const summary = await summaryOfClaim(claim);
  const input: PoeTemplateInput = {
    locale,
    claimName: claim.name,
    partnerName: viewer.organization.name,
    partnerId: claim.partnerId,
    customerName: claim.customerName ?? summary.tenantName,
    tenantId: claim.tenantId,
    solutionArea: claim.solutionArea,
    partnerRole: t(claim.partnerRole),
    workloads: summary.workloads.map((w) => ({ name: w.name, subscriptionIds: w.subscriptions.map((s) => s.id) })),
    customerContact: { name: claim.customerContactName, title: claim.customerContactTitle, email: claim.customerContactEmail },
    partnerContact: { name: claim.partnerContactName, email: claim.partnerContactEmail },
    generatedAt: new Date(),
  };
  return { document: await renderPoeTemplate(input), fileName: poeTemplateFileName(input) };
}
