"use server";
// Server actions of the partner's answers to the reviewer's decisions (claim page, PoE page):
// Resubmit claim, Dispute this decision, Disassociate customer. Each passes the partner gate and parses
// the claim id first (lib/actions.ts), then calls the domain function in partner-loop.ts.
import { headers } from "next/headers";
import { partnerClaimAction, refused } from "../actions";
import { requestMeta } from "../request-meta";
import { disassociateClaim, disputeClaim, resubmitClaim } from "./partner-loop";
import { startRenewal } from "./wizard";

const meta = async () => requestMeta(await headers());
const notFound = refused("notFound");

/** "Resubmit claim" on a claim in Partner action required (claim page and PoE page). */
export const resubmitClaimAction = partnerClaimAction(async (viewer, claimId) => resubmitClaim(viewer, claimId, await meta()), notFound);

/** "Submit dispute" on a Rejected claim: { explanation }, with new PoE files uploaded beforehand. */
export const disputeClaimAction = partnerClaimAction(async (viewer, claimId, values: unknown) => disputeClaim(viewer, claimId, values, await meta()), notFound);

/** "Disassociate customer" on an Approved claim: { reason }. */
export const disassociateClaimAction = partnerClaimAction(async (viewer, claimId, values: unknown) => disassociateClaim(viewer, claimId, values, await meta()), notFound);

/** "Re-associate" on a claim whose Business Applications association ends (or ended) with its subscription. */
export const renewClaimAction = partnerClaimAction((viewer, claimId) => startRenewal(viewer, claimId), notFound);
