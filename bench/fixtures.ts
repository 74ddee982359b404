// Data the benchmarks need, written straight to the benchmark's own database: incentive admins, a
// signed-in session, and Draft claims ready to submit (details saved, one file row) or ready for files.
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { DEMO } from "../lib/reference/demo-data";

/**
 * A session as a sign-in makes it. `ttlMs` is how long it lasts: with the portal's own session length
 * (8 hours) Auth.js extends it only every 15 minutes; a shorter one is extended (written) on every request.
 */
export async function sessionFor(db: PrismaClient, email: string, { ttlMs = 3_600_000 }: { ttlMs?: number } = {}) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { organization: true } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + ttlMs) } });
  return { sessionToken, user };
}

/** `count` Drafts of Contoso, each on its own tenant, with saved PoE details and one file row. */
export async function readyDrafts(db: PrismaClient, userId: string, organizationId: string, count: number) {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, () => ({ id: `bench${randomUUID().replace(/-/g, "")}`, tenantId: randomUUID() }));
    await db.claim.createMany({
      data: batch.map(({ id, tenantId }) => ({
        id,
        organizationId,
        partnerId: "4412345",
        solutionArea: "MODERN_WORK_SECURITY" as const,
        partnerRole: "USE_OR_CONSUME" as const,
        name: `Bench ${id}`,
        tenantId,
        customerContactName: "Nancy Davolio",
        customerContactAddress: "1 Main Street",
        customerContactEmail: "nancy@northwind.example",
        partnerContactName: "Pat Partner",
        partnerContactEmail: DEMO.users.contosoAdmin,
        creationKey: randomUUID(),
        createdById: userId,
      })),
    });
    await db.claimWorkload.createMany({ data: batch.map(({ id }) => ({ claimId: id, workloadId: "mws-microsoft-teams" })) });
    const acknowledged = new Date(Date.now() - 7 * 86_400_000);
    await db.proofOfExecution.createMany({
      data: batch.map(({ id }) => ({
        claimId: id,
        documentType: "MICROSOFT_TEMPLATE" as const,
        activitiesDescription: "Deployment",
        activityWorkloads: [{ activity: "DEPLOYMENT", workloadIds: ["mws-microsoft-teams"] }],
        customerAcknowledgedOn: new Date(acknowledged.toISOString().slice(0, 10)),
        acknowledgedByName: "Nancy Davolio",
        updatedById: userId,
      })),
    });
    await db.poeFile.createMany({
      data: batch.map(({ id }) => ({ claimId: id, blobName: `bench/${randomUUID()}`, fileName: "poe.pdf", kind: "pdf", contentType: "application/pdf", size: 1000, sha256: "0".repeat(64), uploadedById: userId })),
    });
    ids.push(...batch.map((b) => b.id));
  }
  return ids;
}

/** `count` Drafts as `readyDrafts` makes them, without their file row: each needs a PoE file before it can be submitted. */
export async function draftsWithoutFiles(db: PrismaClient, userId: string, organizationId: string, count: number) {
  const ids = await readyDrafts(db, userId, organizationId, count);
  for (let start = 0; start < ids.length; start += 500) await db.poeFile.deleteMany({ where: { claimId: { in: ids.slice(start, start + 500) } } });
  return ids;
}

export async function draftWithNothing(db: PrismaClient, userId: string, organizationId: string) {
  const [id] = await draftsWithoutFiles(db, userId, organizationId, 1);
  return id;
}

/** `count` more incentive admins of the organisation (bench-admin-N@…), so simulated users each have their own wizard entries. */
export async function incentiveAdmins(db: PrismaClient, organizationId: string, count: number) {
  const emails = Array.from({ length: count }, (_, i) => `bench-admin-${i + 1}@contoso.example`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Bench Admin ${i + 1}`, organizationId, role: "INCENTIVE_ADMIN" as const })), skipDuplicates: true });
  return emails;
}
