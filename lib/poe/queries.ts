// Reads of a claim's proof of execution. Callers pass a claim id they have already found through
// the viewer's scope (lib/claims/queries.ts), so these never widen what a viewer can see.
import "server-only";
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
