// The claim's fields and their rules, written once with zod/mini: the wizard's and the claim page's
// forms validate with the form schemas here in the browser, and lib/claims/schemas.ts wraps the same
// fields and rules in the server's schemas. Messages are keys of "Validation.*".
import { z } from "zod/mini";
import { locales } from "../i18n/locales";
import { optionalText, requiredText, wellFormedText } from "../text";
import { partnerRoles, roleDefinitions, solutionAreas } from "./roles";

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A tenant (directory) ID: a GUID in any letter case, spaces around it ignored; stored lower-case. (The pattern admits only well-formed text.) */
export const tenantId = z.string({ error: "required" }).check(z.trim(), z.minLength(1, "required"), z.toLowerCase(), z.regex(GUID, "tenantId"));

const email = z.pipe(z.pipe(requiredText(254), z.email("email")), z.transform((value: string) => value.toLowerCase()));

export const detailsShape = {
  solutionArea: z.enum(solutionAreas, { error: "required" }),
  partnerRole: z.enum(partnerRoles, { error: "required" }),
  name: requiredText(100),
  partnerId: requiredText(64),
  tenantId,
  incentiveOptOut: z._default(z.boolean(), false),
  dynamicsSellerName: optionalText(200),
  customerName: optionalText(200),
  isvSolutionName: optionalText(200),
};

type Details = z.infer<z.ZodMiniObject<typeof detailsShape>>;

/** The role's rules across fields: the role belongs to the solution area, and some roles ask for the revenue details. */
export const detailsRules = z.superRefine((details: Details, ctx) => {
  const role = roleDefinitions[details.partnerRole];
  if (role.solutionArea !== details.solutionArea) ctx.addIssue({ code: "custom", path: ["partnerRole"], message: "roleNotInArea" });
  if (role.revenueDetails) {
    for (const field of ["dynamicsSellerName", "customerName", "isvSolutionName"] as const) {
      if (!details[field]) ctx.addIssue({ code: "custom", path: [field], message: "required" });
    }
  }
});

const unique = (ids: string[]) => [...new Set(ids)];

/** Step 2: workloads (and, for Business Applications, the subscriptions of each product). */
export const workloadsShape = {
  workloadIds: z.pipe(
    z.array(wellFormedText().check(z.minLength(1, "workloadsRequired"), z.maxLength(64, "invalidRequest")), { error: "workloadsRequired" }).check(
      // As for text (lib/text.ts): no length check on a value that is not an array.
      z.refine((value: unknown) => Array.isArray(value), { error: "workloadsRequired", abort: true, when: () => true }),
      z.minLength(1, "workloadsRequired"),
    ),
    z.transform(unique),
  ),
  subscriptionIds: z.pipe(z._default(z.array(wellFormedText().check(z.toLowerCase(), z.maxLength(64, "invalidRequest")), { error: "invalidRequest" }), []), z.transform(unique)),
};

/** Step 3: the customer's contact and the partner's own contact. */
export const contactsShape = {
  customerContactName: requiredText(100),
  customerContactTitle: optionalText(100),
  customerContactAddress: requiredText(300, { multiline: true }),
  customerContactEmail: email,
  customerLocale: z._default(z.enum(locales), "en"),
  partnerContactName: requiredText(100),
  partnerContactEmail: email,
};

/** "Dispute this decision" on a Rejected claim: the partner's explanation (the new proof is uploaded as PoE files). */
export const disputeShape = { explanation: requiredText(2000, { multiline: true }) };

/** "Disassociate customer" on an Approved claim: why the partner ends the association. */
export const disassociateShape = { reason: requiredText(2000, { multiline: true }) };

/** The forms' schemas, as the browser validates them before calling the server (which validates again). */
export const detailsFormSchema = z.object(detailsShape).check(detailsRules);
export const workloadsFormSchema = z.object(workloadsShape);
export const contactsFormSchema = z.object(contactsShape);
export const disputeFormSchema = z.object(disputeShape);
export const disassociateFormSchema = z.object(disassociateShape);

export type DetailsInput = z.input<typeof detailsFormSchema>;
export type WorkloadsInput = z.input<typeof workloadsFormSchema>;
export type ContactsInput = z.input<typeof contactsFormSchema>;
export type DisputeInput = z.input<typeof disputeFormSchema>;
export type DisassociateInput = z.input<typeof disassociateFormSchema>;

export type WizardStep = 1 | 2 | 3 | 4;

/** The wizard's first three steps as sections of a claim (the API saves a claim section by section). */
export const claimSections = { details: 1, workloads: 2, contacts: 3 } as const;
export type ClaimSection = keyof typeof claimSections;
