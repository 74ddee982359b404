// The email templates without a database: both languages carry the same content, the customer email
// names the partner, PartnerID, items, role, what approving and declining mean, the links, and the
// Public Sector Disclosure only for public-sector customers; the partner emails put reasons into words.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { CustomerApprovalEmail, customerEmailSubject, customerTexts, type CustomerEmailVariant } from "@/lib/notify/templates/customer";
import type { Locale } from "@/lib/i18n/locales";
import { emailLocale, renderEmail } from "@/lib/notify/templates/layout";
import type { EmailClaim } from "@/lib/notify/templates/model";
import { DecisionEmail, partnerTexts, reasonWords } from "@/lib/notify/templates/partner";

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

const links = { page: "https://portal.example/c/TOKEN", approve: "https://portal.example/c/TOKEN?choice=approve", decline: "https://portal.example/c/TOKEN?choice=decline" };

async function customerEmail(locale: Locale, overrides: Partial<EmailClaim> = {}, variant: CustomerEmailVariant = { kind: "request" }) {
  const element = createElement(CustomerApprovalEmail, { locale, claim: claim(overrides), variant, links, expiresAt: new Date("2026-12-20T10:00:00Z") });
  return renderEmail(element);
}

const keysOf = (value: object) => Object.keys(value).sort();

describe("customer email", () => {
  it("has the same texts in English and Japanese", () => {
    expect(keysOf(customerTexts.ja)).toEqual(keysOf(customerTexts.en));
    expect(keysOf(customerTexts.ja.roles)).toEqual(keysOf(customerTexts.en.roles));
    expect(keysOf(partnerTexts.ja)).toEqual(keysOf(partnerTexts.en));
    expect(keysOf(partnerTexts.ja.reasons)).toEqual(keysOf(partnerTexts.en.reasons));
  });

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

  it("says which reminder it is", async () => {
    const variant = { kind: "reminder", reminder: 2, of: 2 } as const;
    expect(customerEmailSubject("en", claim(), variant)).toMatch(/^Reminder 2 of 2: /);
    expect((await customerEmail("en", {}, variant)).text).toContain("This is reminder 2 of 2");
    expect(customerEmailSubject("ja", claim(), variant)).toContain("リマインダー (2/2)");
  });
});

describe("partner emails", () => {
  it("put the decision's status and reason code into words", async () => {
    const element = createElement(DecisionEmail, {
      locale: "en",
      claim: claim(),
      status: "REJECTED",
      reasonCode: "INSUFFICIENT_POE",
      reasonText: "The statement of work is not signed.",
      claimUrl: "https://portal.example/claims/claim1",
    });
    const { text } = await renderEmail(element);
    expect(text).toContain("Rejected");
    expect(text).toContain("Insufficient proof of execution");
    expect(text).toContain("The statement of work is not signed.");
    expect(text).toContain("https://portal.example/claims/claim1");
    expect(reasonWords("ja", "INSUFFICIENT_POE")).toBe("実行証明書が不十分");
    expect(reasonWords("en", "SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("fall back to English for an unknown language", () => {
    expect(emailLocale("ja-JP")).toBe("ja");
    expect(emailLocale("fr")).toBe("en");
    expect(emailLocale(undefined)).toBe("en");
  });
});
