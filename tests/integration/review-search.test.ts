// The reviewer queue's search on the real database: each kind of search (an organisation's name, whole or
// in part, one or many organisations; a PartnerID; a claim's name; its id; a tenant ID) finds exactly
// the claims it should, once each, in page order across keyset pages; claim names are searched only
// from three letters or digits in a row, as the queue page says; the count is capped at 1,000 once the
// queue is filtered or searched, and exact for a view alone.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEMO } from "@/lib/reference/demo-data";
import { COUNT_CAP, countQueue, listQueue, queueQuerySchema, type QueueQuery } from "@/lib/review/queue";
import { COMMON_NAME_ROWS, NAME_IDS, nameLookup, ORGANIZATION_LEGS, resolveSearch, searchesClaimNames } from "@/lib/review/queue-search";
import { claimFactory } from "../support/factories";

/** Letters no other test's names use (their tokens are hexadecimal), so each search here meets only its own claims. */
const word = (tag: string) =>
  `${tag}${randomUUID()
    .replace(/-/g, "")
    .slice(0, 8)
    .replace(/[0-9a-f]/g, (c) => "ghijklmnopqrstuvwxyz"[parseInt(c, 16)])}`;

const ORG_WORD = word("Zorg");
const NAME_WORD = word("Zname");
const MANY_WORD = word("Zmany");
const DENSE_WORD = word("Zdense");
const PARTNER_A = `7${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
const PARTNER_B = `6${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

const claims = claimFactory(db, { prefix: "Search" });
const orgIds: string[] = [];
let org: string;
let adminId: string;
let contoso: { id: string; partnerId: string };
let reviewerId: string;
const made: Record<string, string> = {};

beforeAll(async () => {
  adminId = (await db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin } })).id;
  reviewerId = (await db.user.findUniqueOrThrow({ where: { email: DEMO.users.reviewer } })).id;
  const c = await db.organization.findUniqueOrThrow({ where: { name: "Contoso" }, include: { locations: { orderBy: { partnerId: "asc" } } } });
  contoso = { id: c.id, partnerId: c.locations[0].partnerId };
  const created = await db.organization.create({
    data: { name: `${ORG_WORD} Cloud Partners`, locations: { create: [{ partnerId: PARTNER_A, city: "Oslo" }, { partnerId: PARTNER_B, city: "Bergen" }] } },
  });
  org = created.id;
  orgIds.push(org);
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 9, minutes));
  const make = (key: string, spec: Partial<Parameters<typeof claims.makeClaim>[0]>) =>
    claims.makeClaim({ organizationId: org, partnerId: PARTNER_A, createdById: adminId, ...spec }).then((id) => (made[key] = id));
  await make("orgA1", { submittedAt: at(1), statusChangedAt: at(1), name: "Search Alpha" });
  await make("orgA2", { submittedAt: at(2), statusChangedAt: at(2), name: "Search Beta", status: "UNDER_REVIEW" });
  await make("orgB", { partnerId: PARTNER_B, submittedAt: at(3), statusChangedAt: at(3), name: "Search Gamma" });
  await make("orgDraft", { status: "DRAFT", name: "Search Draft" });
  await make("orgDeleted", { submittedAt: at(4), statusChangedAt: at(4), deletedAt: at(5), name: "Search Deleted" });
  // Claims of another organisation found by their names only.
  await make("named1", { organizationId: contoso.id, partnerId: contoso.partnerId, submittedAt: at(0), statusChangedAt: at(0), name: `Northwind ${NAME_WORD} rollout` });
  await make("named2", { organizationId: contoso.id, partnerId: contoso.partnerId, submittedAt: at(6), statusChangedAt: at(6), name: `${NAME_WORD.toUpperCase()} migration` });
  // A claim of this organisation whose name carries the name word too: it shows once.
  await make("both", { submittedAt: at(7), statusChangedAt: at(7), name: `${NAME_WORD} and ${ORG_WORD}` });
  // Many organisations sharing a word (more than are read one by one).
  for (let i = 0; i <= ORGANIZATION_LEGS; i++) {
    const other = await db.organization.create({ data: { name: `${MANY_WORD} Partner ${i}` } });
    orgIds.push(other.id);
    await make(`many${i}`, { organizationId: other.id, partnerId: contoso.partnerId, submittedAt: at(10 + i), statusChangedAt: at(10 + i), name: `Search Many ${i}` });
  }
});

afterAll(async () => {
  await claims.cleanup();
  await db.claim.deleteMany({ where: { organizationId: { in: orgIds } } });
  await db.partnerLocation.deleteMany({ where: { organizationId: { in: orgIds } } });
  await db.organization.deleteMany({ where: { id: { in: orgIds } } });
  await db.$disconnect();
});

/** Every page of the queue, `pageSize` at a time: the ids in the order shown. */
async function allPages(query: QueueQuery, pageSize = 2) {
  const ids: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await listQueue(db, { ...query, after }, reviewerId, pageSize);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
    after = page.next;
  }
  return ids;
}
const search = (q: string, extra: Record<string, string> = {}) => queueQuerySchema.parse({ view: "all", q, ...extra });
const keys = (...names: string[]) => names.map((n) => made[n]);

describe("each kind of search", () => {
  it("an organisation's name, whole or a word of it: its submitted claims, not its Drafts or deleted claims, in page order across pages", async () => {
    const expected = keys("orgA1", "orgA2", "orgB", "both");
    expect(await allPages(search(`${ORG_WORD} Cloud Partners`))).toEqual(expected);
    expect(await allPages(search(ORG_WORD.toLowerCase()))).toEqual(expected);
    expect(await allPages(search(ORG_WORD, { dir: "desc" }))).toEqual([...expected].reverse());
    expect(await countQueue(db, search(ORG_WORD), reviewerId)).toEqual({ count: 4, capped: false });
  });

  it("a word many organisations share: each one's claims, read in one part", async () => {
    const found = await resolveSearch(db, MANY_WORD);
    expect(found?.kind === "text" && found.organizationIds.length).toBe(ORGANIZATION_LEGS + 1);
    const expected = Array.from({ length: ORGANIZATION_LEGS + 1 }, (_, i) => made[`many${i}`]);
    expect(await allPages(search(MANY_WORD), 4)).toEqual(expected);
    expect((await countQueue(db, search(MANY_WORD), reviewerId)).count).toBe(expected.length);
  });

  it("a PartnerID: the claims of that location only", async () => {
    expect(await allPages(search(PARTNER_B))).toEqual(keys("orgB"));
    expect(await allPages(search(PARTNER_A))).toEqual(keys("orgA1", "orgA2", "both"));
    expect(await allPages(search(PARTNER_A, { view: "UNDER_REVIEW" }))).toEqual(keys("orgA2"));
  });

  it("a claim's name, in any case: the claims so named in any organisation, each once", async () => {
    expect(await allPages(search(NAME_WORD))).toEqual(keys("named1", "named2", "both"));
    expect(await allPages(search(NAME_WORD.toLowerCase()))).toEqual(keys("named1", "named2", "both"));
    // With a filter: only those the filter keeps.
    expect(await allPages(search(NAME_WORD, { org: contoso.id }))).toEqual(keys("named1", "named2"));
    expect(await countQueue(db, search(NAME_WORD), reviewerId)).toEqual({ count: 3, capped: false });
  });

  it("a claim's id and a tenant ID: that claim", async () => {
    expect(await allPages(search(made.orgB))).toEqual(keys("orgB"));
    const { tenantId } = await db.claim.findUniqueOrThrow({ where: { id: made.named1 } });
    expect(await allPages(search(tenantId.toUpperCase()))).toEqual(keys("named1"));
  });

  it("matching nothing: an empty page and a zero count", async () => {
    expect(await allPages(search(word("Znothing")))).toEqual([]);
    expect(await countQueue(db, search(word("Znothing")), reviewerId)).toEqual({ count: 0, capped: false });
  });
});

describe("short searches, as the queue page's hint says", () => {
  it("claim names are searched from three letters or digits in a row only", () => {
    expect(searchesClaimNames("ab")).toBe(false);
    expect(searchesClaimNames("a b c")).toBe(false);
    expect(searchesClaimNames("a-b-1")).toBe(false);
    expect(searchesClaimNames("ab1")).toBe(true);
    expect(searchesClaimNames("Zé9")).toBe(true);
    expect(searchesClaimNames("東京都")).toBe(true);
  });

  it("claim names are looked up by id unless the statistics show the text in more names than a lookup is worth", async () => {
    expect(await nameLookup(db, "ab")).toBe("none");
    // Here no text is in anywhere near COMMON_NAME_ROWS names: every one is looked up.
    expect(COMMON_NAME_ROWS).toBeGreaterThan(NAME_IDS);
    expect(await nameLookup(db, NAME_WORD)).toBe("lookup");
    expect(await nameLookup(db, "zzz-no-claim-has-this")).toBe("lookup");
    // The planner's estimate is what decides: on a client whose statistics say many, the text is not looked up.
    const saysMany = { $queryRaw: async () => [{ "QUERY PLAN": [{ Plan: { "Plan Rows": COMMON_NAME_ROWS + 1 } }] }] } as unknown as typeof db;
    expect(await nameLookup(saysMany, NAME_WORD)).toBe("common");
  });

  it("one or two characters find organisations by name, never claims by name", async () => {
    const two = NAME_WORD.slice(1, 3);
    const found = await resolveSearch(db, two);
    expect(found?.kind === "text" && found.claimIds).toBeNull();
    const ids = await allPages(search(two), 1000);
    // The claims named with the word are not found through their names (their organisation, Contoso, does not match).
    expect(ids).not.toContain(made.named1);
    expect(ids).not.toContain(made.named2);
    // An organisation's name matches at any length.
    const twoOfOrg = ORG_WORD.slice(2, 4);
    expect(await allPages(search(twoOfOrg), 1000)).toEqual(expect.arrayContaining(keys("orgA1", "orgA2", "orgB", "both")));
    // Three in a row: the names are searched.
    expect(await allPages(search(NAME_WORD.slice(0, 3)), 1000)).toEqual(expect.arrayContaining(keys("named1", "named2")));
  });
});

describe("counts", () => {
  it("are capped at 1,000 once filtered or searched, and exact for a view alone", async () => {
    const base = { organizationId: org, partnerId: PARTNER_B, createdById: adminId };
    const n = NAME_IDS + 5;
    const at = new Date(Date.UTC(2026, 0, 6));
    await db.claim.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        organizationId: base.organizationId,
        partnerId: base.partnerId,
        createdById: base.createdById,
        solutionArea: "MODERN_WORK_SECURITY" as const,
        partnerRole: "USE_OR_CONSUME" as const,
        name: `${DENSE_WORD} ${i}`,
        tenantId: randomUUID(),
        customerContactName: "Nancy Davolio",
        customerContactAddress: "1 Main Street",
        customerContactEmail: "nancy@northwind.example",
        partnerContactName: "Pat Partner",
        partnerContactEmail: "pat@partner.example",
        status: "SUBMITTED" as const,
        statusChangedAt: new Date(at.getTime() + i * 1000),
        submittedAt: new Date(at.getTime() + i * 1000),
        creationKey: `${DENSE_WORD}-${i}`,
      })),
    });
    // More names match than are read by id: the page walks its order, filtering by the name.
    const found = await resolveSearch(db, DENSE_WORD);
    expect(found?.kind === "text" && found.claimIds).toBe("many");
    expect(await countQueue(db, search(DENSE_WORD), reviewerId)).toEqual({ count: COUNT_CAP, capped: true });
    expect(await countQueue(db, queueQuerySchema.parse({ view: "all", partner: PARTNER_B }), reviewerId)).toEqual({ count: COUNT_CAP, capped: true });
    const firstPage = await listQueue(db, search(DENSE_WORD), reviewerId, 50);
    expect(firstPage.rows.map((r) => r.name)).toEqual(Array.from({ length: 50 }, (_, i) => `${DENSE_WORD} ${i}`));
    const lastPage = await listQueue(db, search(DENSE_WORD, { dir: "desc" }), reviewerId, 3);
    expect(lastPage.rows.map((r) => r.name)).toEqual([n - 1, n - 2, n - 3].map((i) => `${DENSE_WORD} ${i}`));

    // A view alone: the exact count, however many.
    for (const view of ["awaiting", "SUBMITTED", "all"] as const) {
      const where: Prisma.ClaimWhereInput = view === "awaiting" ? { status: { in: ["SUBMITTED", "UNDER_REVIEW", "DISPUTE"] } } : view === "all" ? { submittedAt: { not: null } } : { status: view };
      const plain = await db.claim.count({ where: { deletedAt: null, ...where } });
      expect(plain).toBeGreaterThan(COUNT_CAP);
      expect(await countQueue(db, queueQuerySchema.parse({ view }), reviewerId)).toEqual({ count: plain, capped: false });
    }
  });
});
