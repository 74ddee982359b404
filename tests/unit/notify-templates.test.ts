// The email templates without a database: every email, in each language, is complete (no unresolved
// parameter, no missing text); the customer email names the partner, PartnerID, items, role, what
// approving and declining mean, the links, and the Public Sector Disclosure only for public-sector
// customers; the partner emails put statuses and reasons into words.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { customerApprovalEmail, type CustomerEmailVariant } from "@/lib/notify/templates/customer";
import { customerSessionEmail } from "@/lib/notify/templates/customer-session";
import { locales, type Locale } from "@/lib/i18n/locales";
import { emailLocale, renderEmail } from "@/lib/notify/templates/layout";
import type { EmailClaim } from "@/lib/notify/templates/model";
import { associationEndEmail, customerRespondedEmail, decisionEmail } from "@/lib/notify/templates/partner";
import { claimStatuses } from "@/lib/claims/vocabulary";
import { partnerActionReasons, rejectionReasons } from "@/lib/claims/reasons";
import type { PartnerRole } from "@/lib/generated/prisma/enums";

const claim = (overrides: Partial<EmailClaim> = {}): EmailClaim => ({
  id: "claim1",
  name: "Northwind sales",
  partnerName: "Contoso",
  partnerId: "4412345",
  partnerCity: "Seattle",
  partnerContactName: "Pat Partner",
  partnerContactEmail: "pat@contoso.example",
  customerContactName: "Nancy Davolio",
  tenantId: "4f2c1a7e-8b3d-4c6e-9a1f-2d5b7c9e0a13",
  tenantName: "Northwind Traders",
  solutionArea: "BUSINESS_APPLICATIONS",
  partnerRole: "BUILD_INTENT_ADVISOR",
  items: [{ name: "Dynamics 365 Sales", subscriptions: ["6a1d3c5e-0b2f-4a7c-9e8d-1f3b5d7a9c20"] }],
  publicSector: false,
  submittedAt: new Date("2026-11-20T10:00:00Z"),
  ...overrides,
});

const links = { page: "https://portal.example/c/TOKEN", approve: "https://portal.example/c/TOKEN?choice=approve", decline: "https://portal.example/c/TOKEN?choice=decline", access: "https://portal.example/c" };

const claimUrl = "https://portal.example/claims/claim1";

/** Subject, HTML and plain text of an email. */
async function rendered(email: Promise<{ subject: string; body: Parameters<typeof renderEmail>[0] }>) {
  const { subject, body } = await email;
  return { subject, ...(await renderEmail(body)) };
}

async function customerEmail(locale: Locale, overrides: Partial<EmailClaim> = {}, variant: CustomerEmailVariant = { kind: "request" }) {
  return rendered(customerApprovalEmail({ locale, claim: claim(overrides), variant, links, expiresAt: new Date("2026-12-20T10:00:00Z") }));
}

const decision = (locale: Locale, status: string, reasonCode?: string, reasonText?: string) =>
  rendered(decisionEmail({ locale, claim: claim(), status, reasonCode, reasonText, claimUrl }));

/** What a text looks like when a message is missing or its parameters did not resolve. */
function expectComplete({ subject, text, html }: { subject: string; text: string; html: string }) {
  for (const part of [subject, text]) {
    expect(part).not.toMatch(/[{}]/);
    expect(part).not.toMatch(/\b(CustomerEmail|PartnerEmail|Roles|Status|Reasons)\.[A-Za-z_]/);
  }
  expect(html).not.toMatch(/\b(CustomerEmail|PartnerEmail|Roles|Status|Reasons)\.[A-Za-z_]/);
}

const roles: PartnerRole[] = ["BUILD_INTENT_ADVISOR", "USAGE_RECOGNITION", "INFLUENCED_REVENUE", "USE_OR_CONSUME"];
const variants: CustomerEmailVariant[] = [{ kind: "request" }, { kind: "reminder", reminder: 1, of: 2 }, { kind: "resend" }, { kind: "access" }];

describe.each(locales)("every email in %s", (locale) => {
  // A missing message is reported through console.error before its key is shown in its place.
  let errors: MockInstance;
  beforeEach(() => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    const calls = [...errors.mock.calls];
    errors.mockRestore();
    expect(calls).toEqual([]);
  });

  it("asks the customer with every text resolved, naming the partner and giving the links", async () => {
    for (const partnerRole of roles) {
      for (const variant of variants) {
        for (const solutionArea of ["BUSINESS_APPLICATIONS", "MODERN_WORK_SECURITY"] as const) {
          const email = await customerEmail(locale, { partnerRole, solutionArea, publicSector: true, partnerCity: null, submittedAt: null }, variant);
          expectComplete(email);
          expect(email.subject).toContain("Contoso");
          expect(email.text).toContain("Contoso");
          expect(email.text).toContain("Nancy Davolio");
          for (const url of Object.values(links)) expect(email.text).toContain(url);
        }
      }
    }
  });

  it("gives the customer contact the link to their requests with every text resolved", async () => {
    const url = "https://portal.example/c/open/TOKEN?lang=" + locale;
    const email = await rendered(customerSessionEmail({ locale, url, minutes: 60 }));
    expectComplete(email);
    expect(email.text).toContain(url);
    expect(email.text).toContain("60");
  });

  it("tells the partner the customer's answer with every text resolved", async () => {
    for (const response of ["APPROVED", "DECLINED"] as const) {
      const email = await rendered(customerRespondedEmail({ locale, claim: claim(), response, reason: "Not our partner", claimUrl }));
      expectComplete(email);
      for (const part of ["Northwind sales", "Pat Partner", "Nancy Davolio", "Not our partner", claimUrl]) expect(email.text).toContain(part);
      expect(email.subject).toContain("Northwind sales");
    }
  });

  it("tells the partner an association ends, ahead and on the day, with every text resolved", async () => {
    const subscriptionId = "6a1d3c5e-0b2f-4a7c-9e8d-1f3b5d7a9c20";
    for (const stage of ["ahead", "ended"] as const) {
      const email = await rendered(associationEndEmail({ locale, claim: claim(), subscriptionId, endsAt: new Date("2027-01-31T00:00:00Z"), stage, claimUrl }));
      expectComplete(email);
      for (const part of ["Northwind sales", "Pat Partner", "Dynamics 365 Sales", subscriptionId, claimUrl]) expect(email.text).toContain(part);
      expect(email.subject).toContain("Dynamics 365 Sales");
    }
  });

  it("tells the partner every decision and reason with every text resolved", async () => {
    for (const status of claimStatuses) {
      for (const reasonCode of [...rejectionReasons, ...partnerActionReasons]) {
        const email = await decision(locale, status, reasonCode, "See the note.");
        expectComplete(email);
        for (const part of ["Northwind sales", "Pat Partner", "See the note.", claimUrl]) expect(email.text).toContain(part);
        expect(email.text).not.toContain(status);
        expect(email.text).not.toContain(reasonCode);
      }
    }
  });
});

describe("customer email", () => {
  it("names the partner, the PartnerID, the products, the role, the meaning of each answer and the links (English)", async () => {
    const { html, text } = await customerEmail("en");
    expect(html).toContain('lang="en"');
    for (const part of ["Contoso", "PartnerID 4412345", "Dynamics 365 Sales", "6a1d3c5e-0b2f-4a7c-9e8d-1f3b5d7a9c20", "Build intent - Advisor", "Northwind Traders"]) {
      expect(text).toContain(part);
    }
    expect(text).toContain("can then see your organisation's usage data of these products");
    expect(text).toContain("It costs you nothing");
    expect(text).toContain("You can also decline later, at any time");
    for (const url of Object.values(links)) {
      expect(text).toContain(url);
      expect(html).toContain(`href="${url}"`);
    }
    expect(text).not.toContain("Public Sector Disclosure");
  });

  it("adds the Public Sector Disclosure only for public-sector customers, in both languages", async () => {
    expect((await customerEmail("en", { publicSector: true })).text).toContain("Public Sector Disclosure");
    expect((await customerEmail("ja", { publicSector: true })).text).toContain("公共機関向けの開示");
    expect((await customerEmail("ja")).text).not.toContain("公共機関向けの開示");
  });

  it("is written in Japanese for a Japanese customer", async () => {
    const { html, text } = await customerEmail("ja", { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", items: [{ name: "Microsoft Teams", subscriptions: [] }] });
    expect(html).toContain('lang="ja"');
    for (const part of ["Nancy Davolio 様", "PartnerID 4412345", "Microsoft Teams", "使用または消費", "承認する", "拒否する", "費用は一切かかりません"]) expect(text).toContain(part);
  });

  it("names the role as the customer knows it, with what it means", async () => {
    expect((await customerEmail("en", { partnerRole: "USAGE_RECOGNITION" })).text).toContain("Usage recognition: The partner helps your organisation adopt and use these products.");
    expect((await customerEmail("en", { partnerRole: "INFLUENCED_REVENUE" })).text).not.toContain("Non-incentive");
    expect((await customerEmail("ja", { partnerRole: "INFLUENCED_REVENUE" })).text).toContain("影響を受けた収益認識: パートナーは、");
  });

  it("says which reminder it is", async () => {
    const variant = { kind: "reminder", reminder: 2, of: 2 } as const;
    const en = await customerEmail("en", {}, variant);
    expect(en.subject).toMatch(/^Reminder 2 of 2: /);
    expect(en.text).toContain("This is reminder 2 of 2");
    expect((await customerEmail("ja", {}, variant)).subject).toContain("リマインダー (2/2)");
  });
});

describe("partner emails", () => {
  it("put the decision's status and reason code into words", async () => {
    const { subject, text } = await decision("en", "REJECTED", "INSUFFICIENT_POE", "The statement of work is not signed.");
    expect(subject).toBe("Claim Rejected: Northwind sales");
    expect(text).toContain("Rejected");
    expect(text).toContain("Insufficient proof of execution");
    expect(text).toContain("The statement of work is not signed.");
    expect(text).toContain("https://portal.example/claims/claim1");
    expect((await decision("ja", "REJECTED", "INSUFFICIENT_POE")).text).toContain("実行証明書が不十分");
  });

  it("show an unknown status or reason code as it is", async () => {
    const { subject, text } = await decision("en", "SOMETHING_NEW", "NEW_REASON");
    expect(subject).toBe("Claim SOMETHING_NEW: Northwind sales");
    expect(text).toContain("NEW_REASON");
  });

  it("fall back to English for an unknown language", () => {
    expect(emailLocale("ja-JP")).toBe("ja");
    expect(emailLocale("fr")).toBe("en");
    expect(emailLocale(undefined)).toBe("en");
  });
});
