// The CSV import of claims on the real database, with only the session mocked: bad rows create nothing,
// good rows become Drafts identical to what the wizard creates for the same input, the collision
// warnings of the preview, another organisation's data untouched, 501 rows refused, the same import
// twice creating nothing twice, the result file, and the routes' authorization and streamed answer.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { session } from "../support/next-request";
import { POST as importRoute } from "@/app/api/claims/import/route";
import { POST as previewRoute } from "@/app/api/claims/import/preview/route";
import type { PartnerViewer } from "@/lib/auth/session";
import { finishClaimWizard, saveWizardStep } from "@/lib/claims/actions";
import { importClaims, previewImport } from "@/lib/claims/import";
import { columnHeader, IMPORT_MAX_BYTES, importColumns, importResultCsv, type ImportOutcome } from "@/lib/claims/import-file";
import { CSV_BOM, csvRecord, readCsv } from "@/lib/csv";
import { db } from "@/lib/db";
import { DEMO } from "@/lib/reference/demo-data";
import { claimFactory } from "../support/factories";
import { loadPartnerViewer, loadViewerByEmail } from "../support/viewers";

const APP = process.env.APP_URL!;
const { northwind } = DEMO.tenants;
const subs = DEMO.subscriptions;
const factory = claimFactory(db, { prefix: "Import" });

let contoso: PartnerViewer;
let fabrikam: PartnerViewer;
let reviewerId: string;

beforeAll(async () => {
  contoso = await loadPartnerViewer(db, DEMO.users.contosoAdmin);
  fabrikam = await loadPartnerViewer(db, DEMO.users.fabrikamAdmin);
  reviewerId = (await loadViewerByEmail(db, DEMO.users.reviewer)).id;
});

beforeEach(() => {
  session.userId = undefined;
});

const imported = () => db.claim.findMany({ where: { name: { startsWith: "Import " } }, select: { id: true } });

afterAll(async () => {
  await db.claim.deleteMany({ where: { name: { startsWith: "Import " } } });
  await factory.cleanup();
  await db.wizardProgress.deleteMany({ where: { userId: { in: [contoso.id, fabrikam.id] }, key: "new" } });
  await db.$disconnect();
});

const headers = importColumns.map((c) => c.en);
const example = Object.fromEntries(importColumns.map((c) => [c.en, c.example]));
const name = (label: string) => `Import ${label} ${randomUUID().slice(0, 8)}`;
/** A Modern Work and Security row of Contoso's on a tenant of its own, with `cells` changed. */
const row = (cells: Record<string, string> = {}): Record<string, string> => ({ ...example, claim_name: name("row"), tenant_id: randomUUID(), ...cells });
const csv = (rows: Record<string, string>[], columns = headers) => CSV_BOM + csvRecord(columns) + rows.map((r) => csvRecord(columns.map((h) => r[h] ?? ""))).join("");

const counts = async () => ({
  claims: await db.claim.count(),
  workloads: await db.claimWorkload.count(),
  subscriptions: await db.claimSubscription.count(),
  events: await db.claimEvent.count(),
});

const outcomesOf = async (viewer: PartnerViewer, text: string, importId = randomUUID()) => {
  const result = await importClaims(viewer, text, importId);
  if (!result.ok) throw new Error(`import refused: ${result.problem}`);
  return result.outcomes;
};

describe("bad rows", () => {
  it("create nothing: a file of bad rows changes no table, and each error names its row and field", async () => {
    const before = await counts();
    const text = csv([
      row({ tenant_id: "not-a-guid" }),
      row({ partner_id: "5523456" }),
      row({ workload_ids: "ba-dynamics-365-sales" }),
      row({ solution_area: "BUSINESS_APPLICATIONS", partner_role: "BUILD_INTENT_ADVISOR", tenant_id: northwind, workload_ids: "ba-dynamics-365-sales", subscription_ids: subs.northwindCustomerServiceCsp }),
      row({ solution_area: "BUSINESS_APPLICATIONS", partner_role: "BUILD_INTENT_ADVISOR", workload_ids: "ba-dynamics-365-sales" }),
      row({ customer_contact_email: "nancy", incentive_opt_out: "perhaps" }),
    ]);
    const preview = await previewImport(contoso, text);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.rows.map((r) => [r.line, r.fieldErrors])).toEqual([
      [2, { tenantId: "tenantId" }],
      [3, { partnerId: "partnerIdNotYours" }],
      [4, { workloadIds: "workloadNotInArea" }],
      [5, { "subscriptions.ba-dynamics-365-customer-service": "subscriptionCsp" }],
      [6, { tenantId: "tenantUnknown", workloadIds: "tenantUnknown" }],
      [7, { customerContactEmail: "email", incentiveOptOut: "import.yesNo" }],
    ]);
    const outcomes = await outcomesOf(contoso, text);
    expect(outcomes.every((o) => o.status === "failed")).toBe(true);
    expect(outcomes.map((o) => o.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await counts()).toEqual(before);
  });

  it("in a mixed file, only the good rows become Drafts", async () => {
    const good = [row(), row({ workload_ids: "mws-microsoft-intune" })];
    const text = csv([good[0], row({ claim_name: "" }), good[1], row({ customer_locale: "fr" })]);
    const outcomes = await outcomesOf(contoso, text);
    expect(outcomes.map((o) => [o.line, o.status])).toEqual([
      [2, "created"],
      [3, "failed"],
      [4, "created"],
      [5, "failed"],
    ]);
    const ids = outcomes.flatMap((o) => (o.status === "created" ? [o.claimId] : []));
    const drafts = await db.claim.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" }, select: { name: true, status: true, organizationId: true, createdById: true } });
    expect(drafts).toEqual(
      good.map((g) => ({ name: g.claim_name, status: "DRAFT", organizationId: contoso.organization.id, createdById: contoso.id })).sort((a, b) => a.name.localeCompare(b.name)),
    );
  });
});

describe("good rows", () => {
  /** The claim as stored, without what differs between any two claims (id, key, times). */
  const stored = async (id: string) => {
    const claim = await db.claim.findUniqueOrThrow({
      where: { id },
      include: { workloads: { select: { workloadId: true }, orderBy: { workloadId: "asc" } }, subscriptions: { select: { subscriptionId: true }, orderBy: { subscriptionId: "asc" } }, events: { select: { action: true, toStatus: true, fromStatus: true, actorUserId: true } } },
    });
    const { id: _id, creationKey: _key, createdAt: _created, updatedAt: _updated, ...rest } = claim;
    return rest;
  };

  it.each([
    {
      label: "Modern Work and Security",
      details: { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", partnerId: "4412346", tenantId: randomUUID().toUpperCase(), incentiveOptOut: true },
      workloads: { workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"], subscriptionIds: [] as string[] },
      cells: { partner_id: "4412346", incentive_opt_out: "yes", workload_ids: "mws-microsoft-teams; mws-microsoft-intune", subscription_ids: "" },
    },
    {
      label: "Business Applications, influenced revenue",
      details: { solutionArea: "BUSINESS_APPLICATIONS", partnerRole: "INFLUENCED_REVENUE", partnerId: "4412345", tenantId: northwind, dynamicsSellerName: "Alex Seller", customerName: "Northwind Traders", isvSolutionName: "Contoso Field Pro" },
      workloads: { workloadIds: ["ba-dynamics-365-sales"], subscriptionIds: [subs.northwindSales] },
      cells: { solution_area: "BUSINESS_APPLICATIONS", partner_role: "INFLUENCED_REVENUE", dynamics_seller_name: "Alex Seller", customer_name: "Northwind Traders", isv_solution_name: "Contoso Field Pro", workload_ids: "ba-dynamics-365-sales", subscription_ids: subs.northwindSales.toUpperCase() },
    },
  ] as { label: string; details: Record<string, unknown> & { tenantId: string }; workloads: { workloadIds: string[]; subscriptionIds: string[] }; cells: Record<string, string> }[])("$label: the Draft is the one the wizard creates for the same input", async ({ details, workloads, cells }) => {
    const claimName = name("same");
    const contacts = {
      customerContactName: "Nancy Davolio",
      customerContactTitle: "IT Director",
      customerContactAddress: "1 Main Street, Seattle, WA 98052",
      customerContactEmail: "Nancy@Northwind.example",
      customerLocale: "ja" as const,
      partnerContactName: "Pat Partner",
      partnerContactEmail: "pat@contoso.example",
    };
    session.userId = contoso.id;
    await db.wizardProgress.deleteMany({ where: { userId: contoso.id, key: "new" } });
    expect(await saveWizardStep("new", 1, { ...details, name: claimName }, 2)).toEqual({ ok: true });
    expect(await saveWizardStep("new", 2, workloads, 3)).toEqual({ ok: true });
    expect(await saveWizardStep("new", 3, contacts, 4)).toEqual({ ok: true });
    const progress = await db.wizardProgress.findUniqueOrThrow({ where: { userId_key: { userId: contoso.id, key: "new" } } });
    const wizard = await finishClaimWizard("new", (progress.data as { creationKey: string }).creationKey);
    if (!wizard.ok) throw new Error(JSON.stringify(wizard));

    const [outcome] = await outcomesOf(
      contoso,
      csv([
        {
          ...example,
          ...cells,
          claim_name: claimName,
          tenant_id: details.tenantId,
          customer_contact_name: contacts.customerContactName,
          customer_contact_title: contacts.customerContactTitle,
          customer_contact_address: contacts.customerContactAddress,
          customer_contact_email: contacts.customerContactEmail,
          customer_locale: "ja",
          partner_contact_name: contacts.partnerContactName,
          partner_contact_email: contacts.partnerContactEmail,
        },
      ]),
    );
    if (outcome.status !== "created") throw new Error(JSON.stringify(outcome));
    expect(await stored(outcome.claimId)).toEqual(await stored(wizard.data.claimId));
  });

  it("the same import sent again creates nothing twice", async () => {
    const text = csv([row(), row({ tenant_id: "bad" }), row()]);
    const importId = randomUUID();
    const first = await outcomesOf(contoso, text, importId);
    const before = await counts();
    const again = await outcomesOf(contoso, text, importId);
    expect(again).toEqual(first);
    expect(await counts()).toEqual(before);
  });
});

describe("collisions", () => {
  it("the preview warns of another partner's claim or association and of the organisation's own claim, as the wizard does", async () => {
    const [claimedTenant, associatedTenant, ownTenant] = [randomUUID(), randomUUID(), randomUUID()];
    await factory.makeClaim({ organizationId: fabrikam.organization.id, partnerId: "5523456", createdById: fabrikam.id, tenantId: claimedTenant, workloadIds: ["mws-microsoft-teams"], status: "SUBMITTED" });
    await factory.makeClaim({ organizationId: fabrikam.organization.id, partnerId: "5523456", createdById: fabrikam.id, tenantId: associatedTenant, workloadIds: ["mws-microsoft-teams"], status: "APPROVED" });
    await factory.makeClaim({ organizationId: contoso.organization.id, partnerId: "4412345", createdById: contoso.id, tenantId: ownTenant, workloadIds: ["mws-microsoft-intune"], status: "UNDER_REVIEW" });
    const preview = await previewImport(
      contoso,
      csv([
        row({ tenant_id: claimedTenant, workload_ids: "mws-microsoft-teams;mws-microsoft-intune" }),
        row({ tenant_id: associatedTenant, workload_ids: "mws-microsoft-teams" }),
        row({ tenant_id: ownTenant, workload_ids: "mws-microsoft-intune" }),
        row(),
      ]),
    );
    if (!preview.ok) throw new Error(preview.problem);
    expect(preview.rows.map((r) => [r.line, r.fieldErrors, r.warnings])).toEqual([
      [2, {}, [{ item: "mws-microsoft-teams", kind: "claimed" }]],
      [3, {}, [{ item: "mws-microsoft-teams", kind: "associated" }]],
      [4, {}, [{ item: "mws-microsoft-intune", kind: "own" }]],
      [5, {}, []],
    ]);
  });
});

describe("another organisation", () => {
  it("is never touched: Drafts go to the importer's organisation, another's PartnerID is refused, its claims unchanged", async () => {
    const theirs = await factory.makeClaim({ organizationId: fabrikam.organization.id, partnerId: "5523456", createdById: fabrikam.id, status: "DRAFT" });
    const before = await db.claim.findMany({ where: { organizationId: fabrikam.organization.id }, orderBy: { id: "asc" } });
    const outcomes = await outcomesOf(contoso, csv([row(), row({ partner_id: "5523456" })]));
    expect(outcomes.map((o) => o.status)).toEqual(["created", "failed"]);
    expect(outcomes[1]).toMatchObject({ fieldErrors: { partnerId: "partnerIdNotYours" } });
    const created = outcomes[0].status === "created" ? outcomes[0].claimId : "";
    expect((await db.claim.findUniqueOrThrow({ where: { id: created } })).organizationId).toBe(contoso.organization.id);
    expect(await db.claim.findMany({ where: { organizationId: fabrikam.organization.id }, orderBy: { id: "asc" } })).toEqual(before);
    expect(before.some((c) => c.id === theirs)).toBe(true);
  });
});

describe("the file", () => {
  it("of 501 rows is refused and creates nothing", async () => {
    const before = await counts();
    const rows = Array.from({ length: 501 }, () => row());
    expect(await importClaims(contoso, csv(rows), randomUUID())).toEqual({ ok: false, problem: "tooManyRows", max: 500, rows: 501 });
    expect(await previewImport(contoso, csv(rows))).toEqual({ ok: false, problem: "tooManyRows", max: 500, rows: 501 });
    expect(await counts()).toEqual(before);
  });

  it("in Japanese headers imports the same", async () => {
    const ja = importColumns.map((c) => c.ja);
    const r = row();
    const jaRow = Object.fromEntries(importColumns.map((c) => [c.ja, r[c.en]]));
    const [outcome] = await outcomesOf(contoso, csv([jaRow], ja));
    expect(outcome.status).toBe("created");
  });

  it("gives a result file with each row's status, claim id or errors", async () => {
    const text = csv([row(), row({ tenant_id: "x" })]);
    const outcomes = await outcomesOf(contoso, text);
    const { readImportFile } = await import("@/lib/claims/import-file");
    const file = readImportFile(text);
    if (!file.ok) throw new Error(file.problem);
    const result = readCsv(importResultCsv(file.headers, file.rows, outcomes, (field, key) => `${columnHeader(field, "en")}: ${key}`));
    if (!result.ok) throw new Error("unreadable");
    const [header, first, second] = result.records.map((r) => r.fields);
    expect(header.slice(0, 4)).toEqual(["row", "status", "claim_id", "error"]);
    const created = outcomes[0] as Extract<ImportOutcome, { status: "created" }>;
    expect(first.slice(0, 4)).toEqual(["2", "created", created.claimId, ""]);
    expect(second.slice(0, 4)).toEqual(["3", "failed", "", "tenant_id: tenantId"]);
    expect(await db.claim.count({ where: { id: created.claimId, status: "DRAFT", organizationId: contoso.organization.id } })).toBe(1);
  });
});

describe("the routes", () => {
  const post = (url: string, body: string, { origin = APP, length }: { origin?: string; length?: number } = {}) =>
    new Request(`${APP}${url}`, { method: "POST", headers: { origin, "content-type": "text/csv", ...(length ? { "content-length": String(length) } : {}) }, body });

  it("answer 404 to a reviewer and to nobody, 403 from another origin, and create nothing", async () => {
    const before = await counts();
    const text = csv([row()]);
    for (const userId of [undefined, reviewerId]) {
      session.userId = userId;
      expect((await previewRoute(post("/api/claims/import/preview", text))).status).toBe(404);
      expect((await importRoute(post(`/api/claims/import?id=${randomUUID()}`, text))).status).toBe(404);
    }
    session.userId = contoso.id;
    expect((await importRoute(post(`/api/claims/import?id=${randomUUID()}`, text, { origin: "https://attacker.example" }))).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("refuse a file over the size limit with its reason", async () => {
    session.userId = contoso.id;
    const response = await previewRoute(post("/api/claims/import/preview", "x".repeat(IMPORT_MAX_BYTES + 1)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, problem: "tooLarge", maxBytes: IMPORT_MAX_BYTES });
    const declared = await previewRoute(post("/api/claims/import/preview", "a", { length: IMPORT_MAX_BYTES + 1 }));
    expect(declared.status).toBe(400);
  });

  it("refuse a file that is not UTF-8", async () => {
    session.userId = contoso.id;
    const request = new Request(`${APP}/api/claims/import/preview`, { method: "POST", headers: { origin: APP }, body: new Uint8Array([0x63, 0x6c, 0x61, 0x69, 0x6d, 0xff, 0xfe, 0x0a]) });
    expect(await (await previewRoute(request)).json()).toEqual({ ok: false, problem: "encoding" });
  });

  it("stream each row's outcome as a line of JSON, the total first", async () => {
    session.userId = contoso.id;
    const response = await importRoute(post(`/api/claims/import?id=${randomUUID()}`, csv([row(), row({ tenant_id: "x" })])));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await response.text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ total: 2 });
    expect(lines.at(-1)).toEqual({ done: true });
    expect(lines.slice(1, -1).map((l) => [l.line, l.status]).sort()).toEqual([
      [2, "created"],
      [3, "failed"],
    ]);
    expect((await imported()).length).toBeGreaterThan(0);
  });
});
