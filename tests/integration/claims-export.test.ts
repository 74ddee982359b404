// The export of the organisation's claims on the real database: the list's filters and search respected,
// every page of them (keyset pages), cells that start like a formula neutralised, UTF-8 with a BOM, and
// another organisation's claims never included; the route for incentive admins only.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);

import { session } from "../support/next-request";
import { GET as exportRoute } from "@/app/(portal)/claims/export/route";
import type { PartnerViewer } from "@/lib/auth/session";
import { claimsCsv, exportColumns } from "@/lib/claims/export";
import { CSV_BOM, readCsv } from "@/lib/csv";
import { db } from "@/lib/db";
import { DEMO } from "@/lib/reference/demo-data";
import { claimFactory } from "../support/factories";
import { loadPartnerViewer, loadViewerByEmail } from "../support/viewers";

const APP = process.env.APP_URL!;
const tag = `Export ${randomUUID().slice(0, 8)}`;
const factory = claimFactory(db, { prefix: tag });

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

afterAll(async () => {
  await factory.cleanup();
  await db.$disconnect();
});

const mine = (spec: Partial<Parameters<typeof factory.makeClaim>[0]> = {}) => factory.makeClaim({ organizationId: contoso.organization.id, partnerId: "4412345", createdById: contoso.id, ...spec });
const theirs = (spec: Partial<Parameters<typeof factory.makeClaim>[0]> = {}) => factory.makeClaim({ organizationId: fabrikam.organization.id, partnerId: "5523456", createdById: fabrikam.id, ...spec });

/** The stream's text, its BOM kept (Response.text() drops it). */
const textOf = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

async function records(stream: ReadableStream<Uint8Array>) {
  const text = await textOf(stream);
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const read = readCsv(text);
  if (!read.ok) throw new Error("unreadable");
  const [header, ...rows] = read.records.map((r) => r.fields);
  expect(header).toEqual([...exportColumns]);
  return rows.map((fields) => Object.fromEntries(header.map((h, i) => [h, fields[i]])));
}

describe("the export", () => {
  it("takes the list's filters and search, across keyset pages, and only the organisation's claims", async () => {
    const submitted = await Promise.all(Array.from({ length: 7 }, (_, i) => mine({ name: `${tag} submitted ${i}`, status: "SUBMITTED" })));
    const draft = await mine({ name: `${tag} draft`, status: "DRAFT" });
    const deleted = await mine({ name: `${tag} deleted`, status: "DRAFT", deletedAt: new Date() });
    const other = await theirs({ name: `${tag} theirs`, status: "SUBMITTED" });

    const all = await records(claimsCsv(contoso, { q: tag }, { pageSize: 3 }));
    expect(all.map((r) => r.claimId).sort()).toEqual([...submitted, draft].sort());
    expect(all.some((r) => r.claimId === other || r.claimId === deleted)).toBe(false);

    const onlySubmitted = await records(claimsCsv(contoso, { q: tag, status: "SUBMITTED" }, { pageSize: 2 }));
    expect(onlySubmitted.map((r) => r.claimId).sort()).toEqual([...submitted].sort());
    expect(await records(claimsCsv(contoso, { q: tag, solutionArea: "BUSINESS_APPLICATIONS" }))).toEqual([]);

    const fabrikamSees = await records(claimsCsv(fabrikam, { q: tag }));
    expect(fabrikamSees.map((r) => r.claimId)).toEqual([other]);
  });

  it("has the status, customer response, dates and reasons", async () => {
    const id = await mine({ name: `${tag} rejected`, status: "REJECTED", customerResponse: "APPROVED" });
    await db.claim.update({ where: { id }, data: { statusReasonCode: "POE_INSUFFICIENT", statusReasonText: "The proof does not show deployment.", customerRespondedAt: new Date("2026-11-02T10:00:00Z") } });
    const [row] = await records(claimsCsv(contoso, { q: `${tag} rejected` }));
    const claim = await db.claim.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      claimId: id,
      status: "REJECTED",
      customerResponse: "APPROVED",
      customerRespondedAt: "2026-11-02T10:00:00.000Z",
      statusReasonCode: "POE_INSUFFICIENT",
      statusReasonText: "The proof does not show deployment.",
      createdAt: claim.createdAt.toISOString(),
      submittedAt: claim.submittedAt!.toISOString(),
      workloadIds: "mws-microsoft-intune;mws-microsoft-teams",
    });
  });

  it("neutralises cells that start like a formula", async () => {
    const hostile = ["=HYPERLINK(\"http://x\")", "+1+2", "-3", "@SUM(A1)"];
    for (const [i, start] of hostile.entries()) await mine({ name: `${tag} f${i} ${start}` });
    await db.claim.updateMany({ where: { name: { startsWith: `${tag} f` } }, data: { partnerContactName: "=cmd|' /C calc'!A0" } });
    const rows = await records(claimsCsv(contoso, { q: `${tag} f` }));
    expect(rows).toHaveLength(hostile.length);
    for (const row of rows) {
      expect(row.partnerContactName).toBe("'=cmd|' /C calc'!A0");
      expect(row.claimName.startsWith(tag)).toBe(true);
    }
    const csvText = await textOf(claimsCsv(contoso, { q: `${tag} f` }));
    expect(csvText).not.toMatch(/(^|[,\n])"?[=+\-@]/m);
  });
});

describe("the route", () => {
  it("answers the admin's CSV for the list's query, and 404 to a reviewer and to nobody", async () => {
    const id = await mine({ name: `${tag} route`, status: "SUBMITTED" });
    await theirs({ name: `${tag} route`, status: "SUBMITTED" });
    const get = () => exportRoute(new Request(`${APP}/claims/export?q=${encodeURIComponent(`${tag} route`)}&status=SUBMITTED&organizationId=${fabrikam.organization.id}`));
    session.userId = contoso.id;
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="cpor-customer-claims-/);
    expect((await records(response.body!)).map((r) => r.claimId)).toEqual([id]);
    // Plain CSV for other programs: the same records without the BOM.
    const plain = await exportRoute(new Request(`${APP}/claims/export?q=${encodeURIComponent(`${tag} route`)}&status=SUBMITTED&format=csv`));
    expect(plain.headers.get("content-disposition")).not.toContain("excel");
    const plainText = await textOf(plain.body!);
    expect(plainText.startsWith(CSV_BOM)).toBe(false);
    expect(plainText).toContain(id);
    for (const userId of [undefined, reviewerId]) {
      session.userId = userId;
      expect((await get()).status).toBe(404);
    }
  });
});
