// Saving the proof of execution's details and the partner's comments on an editable claim.
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import { recordEvent } from "../claims/history";
import { editableStatuses } from "../claims/vocabulary";
import { lockClaim } from "../claims/lifecycle";
import { claimScope } from "../claims/queries";
import { done, invalid, invalidInput, refused, type ActionResult } from "../result";
import { commentsSchema, poeDetailsSchema, type PoeDetails } from "./schemas";

export type SaveResult = ActionResult<undefined, "notEditable" | "invalidRequest">;

async function lockEditable(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], viewer: PartnerViewer, claimId: string) {
  await lockClaim(tx, claimId);
  return tx.claim.findFirst({
    where: { ...claimScope(viewer), id: claimId, status: { in: [...editableStatuses] } },
    select: { id: true, workloads: { select: { workloadId: true } } },
  });
}

/** Saves the details of the proof; the activities may only name the claim's own workloads. */
export async function savePoeDetails(viewer: PartnerViewer, claimId: string, values: unknown): Promise<SaveResult> {
  const parsed = poeDetailsSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const details: PoeDetails = parsed.data;
  return db.$transaction(async (tx): Promise<SaveResult> => {
    const claim = await lockEditable(tx, viewer, claimId);
    if (!claim) return refused("notEditable");
    const claimed = new Set(claim.workloads.map((w) => w.workloadId));
    if (details.activities.some((a) => a.workloadIds.some((id) => !claimed.has(id)))) return invalid({ activities: "activityWorkloadNotClaimed" });
    const data = {
      documentType: details.documentType,
      activitiesDescription: details.activitiesDescription,
      activityWorkloads: details.activities,
      customerAcknowledgedOn: new Date(`${details.customerAcknowledgedOn}T00:00:00Z`),
      acknowledgedByName: details.acknowledgedByName,
      acknowledgedByTitle: details.acknowledgedByTitle ?? null,
      publicSector: details.publicSector,
      updatedById: viewer.id,
    };
    await tx.proofOfExecution.upsert({ where: { claimId }, create: { claimId, ...data }, update: data });
    await recordEvent(tx, { claimId, action: "poeDetailsSaved", actorUserId: viewer.id });
    return done();
  });
}

/** Saves (or clears) the partner's comments for the reviewer. */
export async function saveComments(viewer: PartnerViewer, claimId: string, values: unknown): Promise<SaveResult> {
  const parsed = commentsSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const text = parsed.data.comments;
  return db.$transaction(async (tx): Promise<SaveResult> => {
    const claim = await lockEditable(tx, viewer, claimId);
    if (!claim) return refused("notEditable");
    if (text) await tx.claimComment.upsert({ where: { claimId }, create: { claimId, text, updatedById: viewer.id }, update: { text, updatedById: viewer.id } });
    else await tx.claimComment.deleteMany({ where: { claimId } });
    await recordEvent(tx, { claimId, action: "commentsSaved", actorUserId: viewer.id });
    return done();
  });
}

/** The stored details in the form's shape (dates as YYYY-MM-DD). */
export function detailsForForm(proof: {
  documentType: string;
  activitiesDescription: string;
  activityWorkloads: unknown;
  customerAcknowledgedOn: Date;
  acknowledgedByName: string;
  acknowledgedByTitle: string | null;
  publicSector: boolean;
}) {
  return {
    documentType: proof.documentType,
    activitiesDescription: proof.activitiesDescription,
    activities: proof.activityWorkloads as { activity: string; workloadIds: string[] }[],
    customerAcknowledgedOn: proof.customerAcknowledgedOn.toISOString().slice(0, 10),
    acknowledgedByName: proof.acknowledgedByName,
    acknowledgedByTitle: proof.acknowledgedByTitle ?? undefined,
    publicSector: proof.publicSector,
  };
}
