// The claim's input schemas, one per wizard step and one for the whole claim. The same schemas run in
// the browser (react-hook-form) and in the server actions. Messages are keys of "Validation.*".
import { z } from "zod";
import { locales } from "../i18n/locales";
import { idSchema, optionalText, requiredText, wellFormedText } from "../text";
import { partnerRoles, roleDefinitions, solutionAreas } from "./roles";

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A claim id (or "new") as the actions accept it. */
export const keySchema = idSchema;

/** A tenant (directory) ID: a GUID in any letter case, spaces around it ignored; stored lower-case. (The pattern admits only well-formed text.) */
export const tenantIdSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .toLowerCase()
  .regex(GUID, "tenantId");

const email = requiredText(254).pipe(z.email("email")).transform((v) => v.toLowerCase());

const detailsShape = {
  solutionArea: z.enum(solutionAreas, { error: "required" }),
  partnerRole: z.enum(partnerRoles, { error: "required" }),
  name: requiredText(100),
  partnerId: requiredText(64),
  tenantId: tenantIdSchema,
  incentiveOptOut: z.boolean().default(false),
  dynamicsSellerName: optionalText(200),
  customerName: optionalText(200),
  isvSolutionName: optionalText(200),
};

type Details = z.infer<z.ZodObject<typeof detailsShape>>;

function refineDetails(details: Details, ctx: z.RefinementCtx) {
  const role = roleDefinitions[details.partnerRole];
  if (role.solutionArea !== details.solutionArea) ctx.addIssue({ code: "custom", path: ["partnerRole"], message: "roleNotInArea" });
  if (role.revenueDetails) {
    for (const field of ["dynamicsSellerName", "customerName", "isvSolutionName"] as const) {
      if (!details[field]) ctx.addIssue({ code: "custom", path: [field], message: "required" });
    }
  }
}

/** Step 1: role and details. */
export const detailsSchema = z.object(detailsShape).superRefine(refineDetails);

const unique = (ids: string[]) => [...new Set(ids)];

/** Step 2: workloads (and, for Business Applications, the subscriptions of each product). */
export const workloadsShape = {
  workloadIds: z
    .array(wellFormedText().min(1, "workloadsRequired").max(64, "invalidRequest"), { error: "workloadsRequired" })
    // As for text (lib/text.ts): no length check on a value that is not an array.
    .refine((value: unknown) => Array.isArray(value), { error: "workloadsRequired", abort: true, when: () => true })
    .min(1, "workloadsRequired")
    .transform(unique),
  subscriptionIds: z.array(wellFormedText().toLowerCase().max(64, "invalidRequest"), { error: "invalidRequest" }).default([]).transform(unique),
};
export const workloadsSchema = z.object(workloadsShape);

/** Step 3: the customer's contact and the partner's own contact. */
export const contactsShape = {
  customerContactName: requiredText(100),
  customerContactTitle: optionalText(100),
  customerContactAddress: requiredText(300, { multiline: true }),
  customerContactEmail: email,
  customerLocale: z.enum(locales).default("en"),
  partnerContactName: requiredText(100),
  partnerContactEmail: email,
};
export const contactsSchema = z.object(contactsShape);

/** The whole claim, as the server re-validates it before saving. */
export const claimSchema = z.object({ ...detailsShape, ...workloadsShape, ...contactsShape }).superRefine(refineDetails);

export type DetailsInput = z.input<typeof detailsSchema>;
export type WorkloadsInput = z.input<typeof workloadsSchema>;
export type ContactsInput = z.input<typeof contactsSchema>;
export type ClaimInput = z.output<typeof claimSchema>;

export type WizardStep = 1 | 2 | 3 | 4;

export { fieldErrorsOf, type FieldErrors } from "../result";

/** "Dispute this decision" on a Rejected claim: the partner's explanation (the new proof is uploaded as PoE files). */
export const disputeSchema = z.object({ explanation: requiredText(2000, { multiline: true }) });
export type DisputeInput = z.input<typeof disputeSchema>;

/** "Disassociate customer" on an Approved claim: why the partner ends the association. */
export const disassociateSchema = z.object({ reason: requiredText(2000, { multiline: true }) });
export type DisassociateInput = z.input<typeof disassociateSchema>;

/** Fixed at submission: a claim in Partner action required keeps its solution area, role, tenant and name (and the role's details). */
export const lockedAfterSubmission = ["solutionArea", "partnerRole", "tenantId", "name", "incentiveOptOut", "dynamicsSellerName", "customerName", "isvSolutionName"] as const;
