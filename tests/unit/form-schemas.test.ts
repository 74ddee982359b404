// The forms' schemas the browser runs (zod/mini, lib/claims/fields.ts and lib/poe/fields.ts) and the
// server's schemas built from the same fields (lib/claims/schemas.ts, lib/poe/schemas.ts) answer every
// input alike: the same values when they accept it, the same messages at the same fields when they refuse it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as claimForms from "@/lib/claims/fields";
import { claimSchema, contactsSchema, detailsSchema, disassociateSchema, disputeSchema, workloadsSchema } from "@/lib/claims/schemas";
import * as poeForms from "@/lib/poe/fields";
import { commentsSchema, poeDetailsSchema, submissionSchema } from "@/lib/poe/schemas";
import { hostileForm, hostileValue } from "../support/hostile-text";

type Parser = { safeParse: (input: unknown) => { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

const answer = (schema: Parser, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? { data: result.data } : { issues: result.error!.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) };
};

const today = new Date().toISOString().slice(0, 10);
const details = { solutionArea: "BUSINESS_APPLICATIONS", partnerRole: "INFLUENCED_REVENUE", name: "Contoso rollout", partnerId: "4412345", tenantId: "0F8FAD5B-D9CB-469F-A165-70867728950E", dynamicsSellerName: "Dana", customerName: " Northwind ", isvSolutionName: "CRM" };
const workloads = { workloadIds: ["ba-dynamics-365-sales", "ba-dynamics-365-sales"], subscriptionIds: ["SUB-1"] };
const contacts = {
  customerContactName: "Nancy Davolio",
  customerContactTitle: " ",
  customerContactAddress: "1 Main Street\nSeattle",
  customerContactEmail: " Nancy@Northwind.example ",
  customerLocale: "ja",
  partnerContactName: "Pat Partner",
  partnerContactEmail: "pat@contoso.example",
};
const poeDetails = {
  documentType: "SIGNED_STATEMENT_OF_WORK",
  activitiesDescription: "Deployed Teams\nto 500 seats",
  activities: [
    { activity: "DEPLOYMENT", workloadIds: ["mws-microsoft-teams"] },
    { activity: "TRAINING", workloadIds: [] },
  ],
  customerAcknowledgedOn: today,
  acknowledgedByName: "Nancy Davolio",
  publicSector: true,
};

const pairs: { name: string; browser: Parser; server: Parser; valid: Record<string, unknown> }[] = [
  { name: "details (wizard step 1)", browser: claimForms.detailsFormSchema, server: detailsSchema, valid: details },
  { name: "workloads (wizard step 2)", browser: claimForms.workloadsFormSchema, server: workloadsSchema, valid: workloads },
  { name: "contacts (wizard step 3)", browser: claimForms.contactsFormSchema, server: contactsSchema, valid: contacts },
  { name: "dispute", browser: claimForms.disputeFormSchema, server: disputeSchema, valid: { explanation: "New proof attached." } },
  { name: "disassociation", browser: claimForms.disassociateFormSchema, server: disassociateSchema, valid: { reason: "Contract ended." } },
  { name: "PoE details", browser: poeForms.poeDetailsFormSchema, server: poeDetailsSchema, valid: poeDetails },
  { name: "PoE comments", browser: poeForms.commentsFormSchema, server: commentsSchema, valid: { comments: " Signed by the CIO. " } },
  { name: "submission", browser: poeForms.submissionFormSchema, server: submissionSchema, valid: { acknowledgements: { accurate: true, customerConsent: true, roleAffectsEligibility: true, poeAuthentic: true, onePartner: true } } },
];

describe.each(pairs)("$name", ({ browser, server, valid }) => {
  it("accepts the valid input alike", () => {
    expect(answer(browser, valid)).toEqual(answer(server, valid));
    expect(answer(server, valid)).toHaveProperty("data");
  });

  it("answers any input alike", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: hostileForm(valid) }, { weight: 1, arbitrary: hostileValue }), (input) => {
        expect(answer(browser, input)).toEqual(answer(server, input));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the whole claim", () => {
  it("is the three steps' fields with the role's rules, as the steps check them", () => {
    const claim = { ...details, ...workloads, ...contacts };
    expect(answer(claimSchema, claim)).toEqual({
      data: { ...(answer(detailsSchema, details) as { data: object }).data, ...(answer(workloadsSchema, workloads) as { data: object }).data, ...(answer(contactsSchema, contacts) as { data: object }).data },
    });
    expect(answer(claimSchema, { ...claim, solutionArea: "MODERN_WORK_SECURITY", customerContactEmail: "nope" })).toEqual({
      issues: [
        { path: "customerContactEmail", message: "email" },
        { path: "partnerRole", message: "roleNotInArea" },
      ],
    });
  });
});
