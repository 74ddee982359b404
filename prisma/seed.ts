// Seeds the demo reference data of docs/domain.md into DATABASE_URL (idempotent): `npm run db:seed`.
import { createPrismaClient } from "../lib/db-client";
import { demoReferenceData } from "../lib/reference/demo-data";
import { importReferenceData } from "../lib/reference/import";

const db = createPrismaClient({ poolMax: 1 });
try {
  await importReferenceData(db, demoReferenceData());
  console.log("Seeded the demo reference data.");
} finally {
  await db.$disconnect();
}
