"use server";
// Server actions of the claim wizard and the claim page. Each one authorizes through the session
// gate, validates with the shared schemas, and calls the domain function; nothing trusts the client.
import { headers } from "next/headers";
import { unlessUnavailable } from "../availability";
import { answered, unavailableAnswer, type Unavailable } from "../actions";
import { requestMeta } from "../request-meta";
import { currentLocale } from "../i18n/current";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePartnerAdmin } from "../auth/session";
import { submitClaim, type SubmitResult } from "./submission";
import { db } from "../db";
import { canResend, requestResend } from "../notify/resend";
import { findClaim } from "./queries";
import { keySchema } from "./schemas";
import { deleteDraft, discardWizard, finishWizard, saveStep, type FinishResult, type StepResult } from "./wizard";

const stepSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** The form's answer when the database cannot be reached: it says to try again and keeps the entries. */
const unavailable = { ok: false, fieldErrors: {}, message: "unavailable" } as const;
const targetSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** Saves one wizard step ("Next", or "Back"/"Edit" after a change) and says where to go. */
export async function saveWizardStep(key: string, step: number, values: unknown, nextStep: number): Promise<StepResult> {
  return unlessUnavailable(async () => {
    const viewer = await requirePartnerAdmin();
    const args = z.tuple([keySchema, stepSchema, targetSchema]).safeParse([key, step, nextStep]);
    if (!args.success) return { ok: false, fieldErrors: { _form: "invalidRequest" } };
    return saveStep(viewer, args.data[0], args.data[1], values, args.data[2], await currentLocale());
  }, unavailable);
}

/** "Add customer" (or "Save changes" on a draft): creates or updates the Draft from the saved entries. */
export async function finishClaimWizard(key: string, creationKey: string): Promise<FinishResult> {
  return unlessUnavailable(async () => {
    const viewer = await requirePartnerAdmin();
    const args = z.tuple([keySchema, z.string().uuid()]).safeParse([key, creationKey]);
    if (!args.success) return { ok: false, fieldErrors: { _form: "invalidRequest" } };
    const result = await finishWizard(viewer, args.data[0], args.data[1]);
    if (result.ok) revalidatePath("/claims");
    return result;
  }, unavailable);
}

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

/** "Delete" on a Draft. */
export async function deleteDraftClaim(claimId: string): Promise<{ ok: boolean } | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const parsed = keySchema.safeParse(claimId);
    if (!parsed.success || !(await deleteDraft(viewer, parsed.data))) return { ok: false };
    revalidatePath("/claims");
    return { ok: true };
  });
}

/** "Submit claim" on the proof-of-execution page. */
export async function submitClaimAction(claimId: string, values: unknown): Promise<SubmitResult | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const parsed = keySchema.safeParse(claimId);
    if (!parsed.success) return { ok: false, problem: "notFound", fieldErrors: {} };
    const result = await submitClaim(viewer, parsed.data, values, requestMeta(await headers()));
    if (result.ok) revalidatePath("/claims");
    return result;
  });
}

/** "Resend email to customer" on a submitted claim the customer has not answered (rate-limited). */
export async function resendCustomerEmailAction(claimId: string): Promise<{ ok: true; email: string } | { ok: false; retryAfter?: string } | Unavailable> {
  return answered(async () => {
    const viewer = await requirePartnerAdmin();
    const parsed = keySchema.safeParse(claimId);
    if (!parsed.success) return { ok: false };
    const claim = await findClaim(viewer, parsed.data);
    if (!claim || !canResend(claim)) return { ok: false };
    const result = await db.$transaction((tx) => requestResend(tx, { claimId: claim.id, now: new Date() }));
    if (!result.ok) return { ok: false, retryAfter: result.retryAfter.toISOString() };
    revalidatePath(`/claims/${claim.id}`);
    return { ok: true, email: claim.customerContactEmail };
  });
}
