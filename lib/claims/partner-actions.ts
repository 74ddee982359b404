"use server";
// Server actions of the partner's answers to the reviewer's decisions (claim page, PoE page):
// Resubmit claim, Dispute this decision, Disassociate customer. Each authorizes through the session
// gate first, validates its input, and calls the domain function in partner-loop.ts.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { answered, type Unavailable } from "../actions";
import { requirePartnerAdmin } from "../auth/session";
import { requestMeta } from "../request-meta";
import { disassociateClaim, disputeClaim, resubmitClaim, type DecisionResult, type ResubmitResult } from "./partner-loop";
import { keySchema } from "./schemas";

const meta = async () => requestMeta(await headers());

/** "Resubmit claim" on a claim in Partner action required (claim page and PoE page). */
export async function resubmitClaimAction(claimId: string): Promise<ResubmitResult | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const id = keySchema.safeParse(claimId);
    if (!id.success) return { ok: false, problem: "notFound", fieldErrors: {} };
    const result = await resubmitClaim(viewer, id.data, await meta());
    if (result.ok) revalidatePath(`/claims/${id.data}`);
    return result;
  });
}

/** "Submit dispute" on a Rejected claim: { explanation }, with new PoE files uploaded beforehand. */
export async function disputeClaimAction(claimId: string, values: unknown): Promise<DecisionResult | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const id = keySchema.safeParse(claimId);
    if (!id.success) return { ok: false, problem: "notFound", fieldErrors: {} };
    const result = await disputeClaim(viewer, id.data, values, await meta());
    if (result.ok) revalidatePath(`/claims/${id.data}`);
    return result;
  });
}

/** "Disassociate customer" on an Approved claim: { reason }. */
export async function disassociateClaimAction(claimId: string, values: unknown): Promise<DecisionResult | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const id = keySchema.safeParse(claimId);
    if (!id.success) return { ok: false, problem: "notFound", fieldErrors: {} };
    const result = await disassociateClaim(viewer, id.data, values, await meta());
    if (result.ok) revalidatePath(`/claims/${id.data}`);
    return result;
  });
}
