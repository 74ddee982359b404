"use server";
// Server actions of the validation console. Each passes the reviewer gate first (anyone else gets 404,
// as for the pages) and parses the claim id (lib/actions.ts), validates its input, and calls the domain
// function.
import { headers } from "next/headers";
import { z } from "zod";
import { refused, reviewerClaimAction } from "../actions";
import { requestMeta } from "../request-meta";
import { assign, decide, unassign } from "./decisions";

const meta = async () => requestMeta(await headers());
const notFound = refused("notFound");

/** Start review, Approve, Reject, Partner action required, and the dispute decisions. */
export const decideClaimAction = reviewerClaimAction(async (viewer, claimId, values: unknown) => decide(viewer, claimId, values, await meta()), notFound);

/** "Assign to me", or "Take over" from another reviewer. */
export const assignClaimAction = reviewerClaimAction(async (viewer, claimId, takeOver: unknown = false) => {
  const parsed = z.boolean().safeParse(takeOver);
  if (!parsed.success) return notFound;
  return assign(viewer, claimId, { takeOver: parsed.data, meta: await meta() });
}, notFound);

/** "Unassign": only the reviewer who has the claim. */
export const unassignClaimAction = reviewerClaimAction(async (viewer, claimId) => unassign(viewer, claimId, await meta()), notFound);
