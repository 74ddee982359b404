// Reads of a claim's proof of execution. Callers pass a claim id they have already found through
// the viewer's scope (lib/claims/queries.ts), so these never widen what a viewer can see.
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { findClaim } from "../claims/queries";
import { editableStatuses } from "../claims/vocabulary";
import { db } from "../db";
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
