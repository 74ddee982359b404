// Seeds the demo reference data of docs/domain.md, and the demo tenants' usage, into DATABASE_URL
// (idempotent): `npm run db:seed`.
import { createPrismaClient } from "../lib/db-client";
import { demoReferenceData } from "../lib/reference/demo-data";
import { importReferenceData } from "../lib/reference/import";
import { demoUsageFigures } from "../lib/usage/demo-data";
import { saveUsageFigures } from "../lib/usage/import";

const db = createPrismaClient({ poolMax: 1 });
try {
  const now = new Date();
  const reference = demoReferenceData(now);
  await importReferenceData(db, reference);
  console.log("Seeded the demo reference data.");
  // After the reference data: the figures name its workloads and subscriptions.
  const usage = await db.$transaction((tx) => saveUsageFigures(tx, demoUsageFigures(now, reference), { now }), { timeout: 60_000 });
  console.log(`Seeded the demo usage (${usage.added} figures added, ${usage.updated} updated, ${usage.unchanged} unchanged).`);
} finally {
  await db.$disconnect();
}
