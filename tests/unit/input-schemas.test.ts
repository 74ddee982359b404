// Every schema that reads input from a browser, an action call or a URL, fed hostile values (NUL and
// other control characters, lone surrogates, bidirectional controls, huge numbers, odd dates): it never
// throws, lets through only well-formed text, and answers text it cannot keep with a field message that
// both languages translate.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { claimSchema, contactsSchema, detailsSchema, disassociateSchema, disputeSchema, fieldErrorsOf, keySchema, workloadsSchema } from "@/lib/claims/schemas";
import { declineReasonSchema } from "@/lib/customer/respond";
import { commentsSchema, poeDetailsSchema, submissionSchema } from "@/lib/poe/schemas";
import { decodeCursor, queueQuerySchema } from "@/lib/review/queue";
import { decisionSchema } from "@/lib/review/schemas";
import { isWellFormedText } from "@/lib/text";
import { hostileForm, hostileString, hostileValue, oddCursor, oddDate, refusedString, stringsIn } from "../support/hostile-text";

const today = new Date().toISOString().slice(0, 10);
const details = { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", name: "Contoso rollout", partnerId: "4412345", tenantId: "0f8fad5b-d9cb-469f-a165-70867728950e" };
const workloads = { workloadIds: ["mws-microsoft-teams"], subscriptionIds: [] as string[] };
const contacts = {
  customerContactName: "Nancy Davolio",
  customerContactTitle: "IT Director",
  customerContactAddress: "1 Main Street\nSeattle",
  customerContactEmail: "nancy@northwind.example",
  customerLocale: "en",
  partnerContactName: "Pat Partner",
  partnerContactEmail: "pat@contoso.example",
};
const poeDetails = {
  documentType: "SIGNED_STATEMENT_OF_WORK",
  activitiesDescription: "Deployed Teams\nto 500 seats",
  activities: [{ activity: "DEPLOYMENT", workloadIds: ["mws-microsoft-teams"] }],
  customerAcknowledgedOn: today,
  acknowledgedByName: "Nancy Davolio",
  acknowledgedByTitle: "IT Director",
  publicSector: false,
};

type Case = { name: string; schema: z.ZodType; valid: Record<string, unknown>; text: string[] };

/** The schemas of the server actions and the customer's form, with a valid input and their free-text fields. */
const cases: Case[] = [
  { name: "details (wizard step 1)", schema: detailsSchema, valid: details, text: ["name", "partnerId"] },
  { name: "revenue details (wizard step 1)", schema: detailsSchema, valid: { ...details, solutionArea: "BUSINESS_APPLICATIONS", partnerRole: "INFLUENCED_REVENUE", dynamicsSellerName: "Dana", customerName: "Northwind", isvSolutionName: "CRM" }, text: ["dynamicsSellerName", "customerName", "isvSolutionName"] },
  { name: "workloads (wizard step 2)", schema: workloadsSchema, valid: workloads, text: [] },
  { name: "contacts (wizard step 3)", schema: contactsSchema, valid: contacts, text: ["customerContactName", "customerContactTitle", "customerContactAddress", "customerContactEmail", "partnerContactName", "partnerContactEmail"] },
  { name: "the whole claim", schema: claimSchema, valid: { ...details, ...workloads, ...contacts }, text: ["name", "customerContactAddress"] },
  { name: "PoE details", schema: poeDetailsSchema, valid: poeDetails, text: ["activitiesDescription", "acknowledgedByName", "acknowledgedByTitle"] },
  { name: "PoE comments", schema: commentsSchema, valid: { comments: "Signed by the CIO.\nSee page 2." }, text: ["comments"] },
  { name: "submission", schema: submissionSchema, valid: { acknowledgements: { accurate: true, customerConsent: true, roleAffectsEligibility: true, poeAuthentic: true, onePartner: true } }, text: [] },
  { name: "dispute", schema: disputeSchema, valid: { explanation: "New proof attached." }, text: ["explanation"] },
  { name: "disassociation", schema: disassociateSchema, valid: { reason: "Contract ended." }, text: ["reason"] },
  { name: "reviewer decision", schema: decisionSchema, valid: { action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText: "The statement is unsigned." }, text: ["reasonText"] },
  { name: "reviewer note", schema: decisionSchema, valid: { action: "approve", reasonText: "Checked." }, text: ["reasonText"] },
];

const everyString = (value: unknown) => stringsIn(value).every((text) => isWellFormedText(text, { multiline: true }));

describe.each(cases)("$name", ({ schema, valid, text }) => {
  it("accepts the valid input", () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it("never throws on hostile input, and what it accepts is well-formed text", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: hostileForm(valid) }, { weight: 1, arbitrary: hostileValue }), (input) => {
        const result = schema.safeParse(input);
        if (result.success) expect(everyString(result.data)).toBe(true);
        else expect(() => fieldErrorsOf(result.error)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("refuses, without throwing, a field that is an object whose length cannot be compared", () => {
    // Found by the property above: zod runs length checks on any value with a `length`.
    const field = [...text, ...Object.keys(valid)][0];
    const result = schema.safeParse({ ...valid, [field]: { length: [Object.create(null)] } });
    expect(result.success).toBe(false);
  });

  // Only for schemas with free-text fields (ids and choices are covered above).
  if (text.length > 0)
    it("refuses NUL and lone surrogates in every text field, with the invalidCharacters message", () => {
      fc.assert(
        fc.property(fc.constantFrom(...text), refusedString, (field, bad) => {
          const result = schema.safeParse({ ...valid, [field]: bad });
          expect(result.success).toBe(false);
          expect(fieldErrorsOf(result.error!)[field]).toBe("invalidCharacters");
        }),
        { numRuns: 100 },
      );
    });
});

describe("ids and lists of ids", () => {
  it("keySchema refuses anything but 1 to 64 visible ASCII characters", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(70), fc.anything()), (value) => {
        const result = keySchema.safeParse(value);
        if (result.success) expect(result.data).toMatch(/^[\x21-\x7e]{1,64}$/);
      }),
    );
  });

  it("workload, subscription and activity ids that are not text are refused", () => {
    fc.assert(
      fc.property(refusedString, (bad) => {
        expect(workloadsSchema.safeParse({ workloadIds: [bad] }).success).toBe(false);
        expect(workloadsSchema.safeParse({ workloadIds: ["w"], subscriptionIds: [bad] }).success).toBe(false);
        expect(poeDetailsSchema.safeParse({ ...poeDetails, activities: [{ activity: "DEPLOYMENT", workloadIds: [bad] }] }).success).toBe(false);
      }),
    );
  });
});

describe("the customer's decline reason", () => {
  it("is optional, keeps line breaks, and refuses text it cannot keep", () => {
    expect(declineReasonSchema.parse(undefined)).toBeUndefined();
    expect(declineReasonSchema.parse("  ")).toBeUndefined();
    expect(declineReasonSchema.parse(" We work\nwith another partner. ")).toBe("We work\nwith another partner.");
    expect(Array.from(declineReasonSchema.parse("😀".repeat(1500))!)).toHaveLength(1000);
    fc.assert(
      fc.property(refusedString, (bad) => {
        expect(declineReasonSchema.safeParse(bad).success).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(hostileString(), hostileValue), (value) => {
        const result = declineReasonSchema.safeParse(value);
        if (result.success && result.data !== undefined) expect(isWellFormedText(result.data, { multiline: true })).toBe(true);
      }),
    );
  });
});

describe("the review queue's URL", () => {
  const params = fc.record(
    {
      view: hostileString(12),
      area: hostileString(12),
      org: hostileString(70),
      partner: hostileString(25),
      q: fc.oneof(hostileString(110), refusedString),
      from: oddDate,
      to: oddDate,
      sort: hostileString(8),
      dir: hostileString(5),
      after: oddCursor,
      before: oddCursor,
    },
    { requiredKeys: [] },
  );

  it("parses any query without throwing, into well-formed text and in-range cursors", () => {
    fc.assert(
      fc.property(params, (raw) => {
        const query = queueQuerySchema.parse(raw);
        expect(everyString(query)).toBe(true);
        for (const text of [query.q, query.partner, query.org]) if (text !== undefined) expect(isWellFormedText(text)).toBe(true);
        for (const cursor of [decodeCursor(query.after), decodeCursor(query.before)]) {
          if (!cursor) continue;
          expect(cursor.at.getUTCFullYear()).toBeGreaterThanOrEqual(1970);
          expect(cursor.at.getUTCFullYear()).toBeLessThanOrEqual(9999);
          expect(cursor.id).toMatch(/^[\x21-\x7e]{1,64}$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("messages", () => {
  it("translate invalidCharacters in both languages, for the forms and for the reviewer's console", () => {
    for (const messages of [en, ja]) {
      expect(messages.Validation.invalidCharacters).toBeTruthy();
      expect(messages.Review.fieldErrors.invalidCharacters).toBeTruthy();
      expect(messages.Customer.declineReasonInvalid).toBeTruthy();
    }
  });
});
