// The proof of execution's fields and their rules (details, comments, the acknowledgements of
// submission), written once with zod/mini: the PoE page's forms check these in the browser, and
// lib/poe/schemas.ts wraps the same fields and rules in the server's schemas. Messages are keys of
// "Validation.*".
import { z } from "zod/mini";
import { clearableText, idSchema, optionalText, requiredText } from "../text";
import { acknowledgementKeys, oldestAcknowledgement, poeActivityTypes, poeDocumentTypes } from "./vocabulary";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const today = (now: Date) => now.toISOString().slice(0, 10);

/** A date of the customer's acknowledgement: within the last 12 months and not in the future. */
export const acknowledgementDate = z.string({ error: "required" }).check(
  z.trim(),
  z.minLength(1, "required"),
  z.regex(ISO_DATE, "dateInvalid"),
  z.refine((value: string) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "dateInvalid"),
  z.refine((value: string) => value <= today(new Date()), "dateInFuture"),
  z.refine((value: string) => value >= oldestAcknowledgement(new Date()), "dateTooOld"),
);

export const poeDetailsShape = {
  documentType: z.enum(poeDocumentTypes, { error: "required" }),
  activitiesDescription: requiredText(4000, { multiline: true }),
  activities: z.array(z.object({ activity: z.enum(poeActivityTypes), workloadIds: z.array(idSchema) }), { error: "activitiesRequired" }),
  customerAcknowledgedOn: acknowledgementDate,
  acknowledgedByName: requiredText(100),
  acknowledgedByTitle: optionalText(100),
  publicSector: z._default(z.boolean(), false),
};

type Activities = z.output<typeof poeDetailsShape.activities>;

/** At least one activity names a workload. */
export const poeDetailsRules = z.superRefine((value: { activities: Activities }, ctx) => {
  const used = value.activities.filter((a) => a.workloadIds.length > 0);
  if (used.length === 0) ctx.addIssue({ code: "custom", path: ["activities"], message: "activitiesRequired" });
});

/** The details as saved: only the activities that name a workload. */
export const withUsedActivities = <T extends { activities: Activities }>(value: T): T => ({ ...value, activities: value.activities.filter((a) => a.workloadIds.length > 0) });

export const commentsShape = { comments: clearableText(4000, { multiline: true }) };

export const submissionShape = {
  acknowledgements: z.object(
    Object.fromEntries(acknowledgementKeys.map((key) => [key, z.literal(true, { error: "acknowledgementRequired" })])) as Record<(typeof acknowledgementKeys)[number], z.ZodMiniLiteral<true>>,
  ),
};

/** The forms' schemas, as the browser validates them before calling the server (which validates again). */
export const poeDetailsFormSchema = z.pipe(z.object(poeDetailsShape).check(poeDetailsRules), z.transform(withUsedActivities));
export const commentsFormSchema = z.object(commentsShape);
export const submissionFormSchema = z.object(submissionShape);

export type PoeDetailsInput = z.input<typeof poeDetailsFormSchema>;
export type PoeDetails = z.output<typeof poeDetailsFormSchema>;
export type SubmissionInput = z.input<typeof submissionFormSchema>;
