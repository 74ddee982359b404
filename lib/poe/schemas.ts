// The proof of execution's input schemas (details, comments, the acknowledgements of submission),
// shared by the forms and the server. Messages are keys of "Validation.*".
import { z } from "zod";
import { clearableText, idSchema, optionalText, requiredText } from "../text";

export const poeDocumentTypes = ["MICROSOFT_TEMPLATE", "SIGNED_STATEMENT_OF_WORK", "CUSTOMER_EMAIL", "OTHER"] as const;
export const poeActivityTypes = ["DEPLOYMENT", "ADOPTION", "ADVISORY", "MIGRATION", "TRAINING", "OTHER"] as const;
export type PoeActivityType = (typeof poeActivityTypes)[number];

/** The acknowledgements a reviewer expects the partner to have confirmed; all are required. */
export const acknowledgementKeys = ["accurate", "customerConsent", "roleAffectsEligibility", "poeAuthentic", "onePartner"] as const;

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_CLAIM_BYTES = 100 * 1024 * 1024;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const today = (now: Date) => now.toISOString().slice(0, 10);
/** The same calendar day twelve months earlier (the oldest acknowledgement date accepted). */
export const oldestAcknowledgement = (now: Date) => {
  const date = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  return date.toISOString().slice(0, 10);
};

/** A date of the customer's acknowledgement: within the last 12 months and not in the future. */
export const acknowledgementDateSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .regex(ISO_DATE, "dateInvalid")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "dateInvalid")
  .refine((value) => value <= today(new Date()), "dateInFuture")
  .refine((value) => value >= oldestAcknowledgement(new Date()), "dateTooOld");

export const poeDetailsSchema = z
  .object({
    documentType: z.enum(poeDocumentTypes, { error: "required" }),
    activitiesDescription: requiredText(4000, { multiline: true }),
    activities: z.array(z.object({ activity: z.enum(poeActivityTypes), workloadIds: z.array(idSchema) }), { error: "activitiesRequired" }),
    customerAcknowledgedOn: acknowledgementDateSchema,
    acknowledgedByName: requiredText(100),
    acknowledgedByTitle: optionalText(100),
    publicSector: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    const used = value.activities.filter((a) => a.workloadIds.length > 0);
    if (used.length === 0) ctx.addIssue({ code: "custom", path: ["activities"], message: "activitiesRequired" });
  })
  .transform((value) => ({ ...value, activities: value.activities.filter((a) => a.workloadIds.length > 0) }));

export type PoeDetailsInput = z.input<typeof poeDetailsSchema>;
export type PoeDetails = z.output<typeof poeDetailsSchema>;

export const commentsSchema = z.object({ comments: clearableText(4000, { multiline: true }) });

export const submissionSchema = z.object({
  acknowledgements: z.object(Object.fromEntries(acknowledgementKeys.map((key) => [key, z.literal(true, { error: "acknowledgementRequired" })])) as Record<(typeof acknowledgementKeys)[number], z.ZodLiteral<true>>),
});
export type SubmissionInput = z.input<typeof submissionSchema>;

/** The kinds a browser shows itself: the download route serves them inline on `?inline=1`, the file lists offer "Open". */
export const inlinePoeKinds: ReadonlySet<string> = new Set(["pdf", "png", "jpeg"]);
