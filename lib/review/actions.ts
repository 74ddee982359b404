"use server";
// Server actions of the validation console. Each one passes the reviewer gate first (anyone else
// gets 404, as for the pages), validates its input, and calls the domain function.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { answered, type Unavailable } from "../actions";
import { z } from "zod";
import { requireReviewer } from "../auth/session";
import { requestMeta } from "../request-meta";
import { keySchema } from "../claims/schemas";
import { assign, decide, unassign, type AssignResult, type DecisionResult } from "./decisions";

const refresh = (claimId: string) => {
  revalidatePath("/review");
  revalidatePath(`/review/claims/${claimId}`);
};

/** Start review, Approve, Reject, Partner action required, and the dispute decisions. */
export async function decideClaimAction(claimId: string, values: unknown): Promise<DecisionResult | Unavailable> {
  return answered(async () => {
    const viewer = await requireReviewer();
    const id = keySchema.safeParse(claimId);
    if (!id.success) return { ok: false, problem: "notFound" };
    const result = await decide(viewer, id.data, values, requestMeta(await headers()));
    if (result.ok) refresh(id.data);
    return result;
  });
}

/** "Assign to me", or "Take over" from another reviewer. */
export async function assignClaimAction(claimId: string, takeOver: unknown = false): Promise<AssignResult | Unavailable> {
  return answered(async () => {
    const viewer = await requireReviewer();
    const args = z.tuple([keySchema, z.boolean()]).safeParse([claimId, takeOver]);
    if (!args.success) return { ok: false, problem: "notFound" };
    const result = await assign(viewer, args.data[0], { takeOver: args.data[1], meta: requestMeta(await headers()) });
    if (result.ok) refresh(args.data[0]);
    return result;
  });
}

/** "Unassign": only the reviewer who has the claim. */
export async function unassignClaimAction(claimId: string): Promise<AssignResult | Unavailable> {
  return answered(async () => {
    const viewer = await requireReviewer();
    const id = keySchema.safeParse(claimId);
    if (!id.success) return { ok: false, problem: "notFound" };
    const result = await unassign(viewer, id.data, requestMeta(await headers()));
    if (result.ok) refresh(id.data);
    return result;
  });
}
