// The claim's input schemas as the server actions parse them, one per wizard step, one for the whole
// claim, and the claim page's forms. The fields and their rules are lib/claims/fields.ts's, the same the
// forms check in the browser with zod/mini; here they are wrapped in zod's full schemas. Messages are
// keys of "Validation.*".
import { z } from "zod";
import { idSchema } from "../text";
import { contactsShape, detailsRules, detailsShape, disassociateShape, disputeShape, tenantId, workloadsShape } from "./fields";

export { GUID, claimSections, type ClaimSection, type ContactsInput, type DetailsInput, type DisassociateInput, type DisputeInput, type WizardStep, type WorkloadsInput } from "./fields";

/** A claim id (or "new") as the actions accept it. */
export const keySchema = idSchema;

/** A tenant (directory) ID: the field's own definition (lib/claims/fields.ts), with zod's full API. */
export const tenantIdSchema = new z.ZodString(tenantId._zod.def);

/** Step 1: role and details. */
export const detailsSchema = z.object(detailsShape).check(detailsRules);

/** Step 2: workloads (and, for Business Applications, the subscriptions of each product). */
export const workloadsSchema = z.object(workloadsShape);
export { workloadsShape };

/** Step 3: the customer's contact and the partner's own contact. */
export const contactsSchema = z.object(contactsShape);
export { contactsShape };

/** The whole claim, as the server re-validates it before saving. */
export const claimSchema = z.object({ ...detailsShape, ...workloadsShape, ...contactsShape }).check(detailsRules);

export type ClaimInput = z.output<typeof claimSchema>;

export { fieldErrorsOf, type FieldErrors } from "../result";

/** "Dispute this decision" on a Rejected claim: the partner's explanation (the new proof is uploaded as PoE files). */
export const disputeSchema = z.object(disputeShape);

/** "Disassociate customer" on an Approved claim: why the partner ends the association. */
export const disassociateSchema = z.object(disassociateShape);

/** Fixed at submission: a claim in Partner action required keeps its solution area, role, tenant and name (and the role's details). */
export const lockedAfterSubmission = ["solutionArea", "partnerRole", "tenantId", "name", "incentiveOptOut", "dynamicsSellerName", "customerName", "isvSolutionName"] as const;
