"use server";
// Server actions of the claim wizard and the claim page. Each one passes the partner gate and parses its
// arguments (lib/actions.ts), then calls the domain function; nothing trusts the client.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { answered, done, partnerAction, partnerClaimAction, refused, unavailableAnswer, type Unavailable } from "../actions";
import { requirePartnerAdmin } from "../auth/session";
import { db } from "../db";
import { currentLocale } from "../i18n/current";
import { canResend, requestResend } from "../notify/resend";
import { requestMeta } from "../request-meta";
import { findClaim } from "./queries";
import { keySchema } from "./schemas";
import { submitClaim } from "./submission";
import { deleteDraft, discardWizard, finishWizard, saveStep } from "./wizard";

const stepSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const targetSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const invalidRequest = refused("invalidRequest");
const notFound = refused("notFound");

/** Saves one wizard step ("Next", or "Back"/"Edit" after a change) and says where to go. */
export const saveWizardStep = partnerAction(
  { args: z.tuple([keySchema, stepSchema, z.unknown(), targetSchema]), invalid: invalidRequest },
  async (viewer, key, step, values, nextStep) => saveStep(viewer, key, step, values, nextStep, await currentLocale()),
);

/** "Add customer" (or "Save changes" on a draft): creates or updates the Draft from the saved entries. */
export const finishClaimWizard = partnerAction(
  { args: z.tuple([keySchema, z.string().uuid()]), invalid: invalidRequest, revalidate: () => ["/claims"] },
  (viewer, key, creationKey) => finishWizard(viewer, key, creationKey),
);

/** "Cancel": forgets the wizard's unsaved entries and returns to the list (or the draft). */
export async function cancelClaimWizard(key: string): Promise<Unavailable> {
  const parsed = keySchema.safeParse(key);
  const discarded = await answered(async () => {
    const viewer = await requirePartnerAdmin();
    if (parsed.success) await discardWizard(viewer, parsed.data);
  });
  if (discarded === unavailableAnswer) return unavailableAnswer;
  redirect(parsed.success && parsed.data !== "new" ? `/claims/${parsed.data}` : "/claims");
}

/** "Delete" on a Draft (only a Draft of the organisation: anything else is not found). */
export const deleteDraftClaim = partnerClaimAction(async (viewer, claimId) => ((await deleteDraft(viewer, claimId)) ? done() : notFound), notFound, { alsoRevalidate: ["/claims"] });

/** "Submit claim" on the proof-of-execution page. */
export const submitClaimAction = partnerClaimAction(async (viewer, claimId, values: unknown) => submitClaim(viewer, claimId, values, requestMeta(await headers())), notFound, {
  alsoRevalidate: ["/claims"],
});

/**
 * "Resend email to customer" on a submitted claim the customer has not answered (rate-limited):
 * `retryLater` names when it may be sent again.
 */
export const resendCustomerEmailAction = partnerClaimAction(async (viewer, claimId) => {
  const claim = await findClaim(viewer, claimId);
  if (!claim) return notFound;
  if (!canResend(claim)) return refused("notAllowed");
  const result = await db.$transaction((tx) => requestResend(tx, { claimId: claim.id, now: new Date() }));
  if (!result.ok) return refused("retryLater", { details: { retryAfter: result.details.retryAfter.toISOString() } });
  return done({ email: claim.customerContactEmail });
}, notFound);
