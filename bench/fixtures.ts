// Data the benchmarks need, written straight to the benchmark's own database: a signed-in session
// and Draft claims ready to submit (details saved, one file row).
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { DEMO } from "../lib/reference/demo-data";

export async function sessionFor(db: PrismaClient, email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { organization: true } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
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

export async function draftWithNothing(db: PrismaClient, userId: string, organizationId: string) {
  const [id] = await readyDrafts(db, userId, organizationId, 1);
  await db.poeFile.deleteMany({ where: { claimId: id } });
  return id;
}
