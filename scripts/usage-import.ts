// Imports monthly usage figures from a CSV file into DATABASE_URL: `npm run usage:import -- FILE.csv`.
// The columns and the checks: lib/usage/file.ts; the all-or-nothing import: lib/usage/import.ts.
// A bad file writes nothing: every error is printed with its line and column, and the command exits 1.
import "dotenv/config";
import { readFile } from "node:fs/promises";
import { createPrismaClient } from "../lib/db-client";
import { importUsageFile } from "../lib/usage/import";

/** Enough to fix a file in one pass without flooding the terminal when a whole column is wrong. */
const SHOWN_ERRORS = 200;

const file = process.argv[2];
if (!file) {
  console.error("Name the usage file: npm run usage:import -- usage.csv (columns: see README.md, Usage data).");
  process.exit(1);
}
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. The embedded database of `npm run dev` serves only the portal (it seeds the demo usage itself); set DATABASE_URL to import into a PostgreSQL database.");
  process.exit(1);
}

const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
  console.error(`Cannot read ${file}: ${error.code ?? error.message}`);
  process.exit(1);
});

const db = createPrismaClient({ poolMax: 1 });
try {
  const result = await importUsageFile(db, text);
  if (!result.ok) {
    console.error(`${file}: nothing imported, ${result.errors.length} ${result.errors.length === 1 ? "error" : "errors"}:`);
    for (const e of result.errors.slice(0, SHOWN_ERRORS)) console.error(`  row ${e.row}${e.field ? `, ${e.field}` : ""}: ${e.message}`);
    if (result.errors.length > SHOWN_ERRORS) console.error(`  … and ${result.errors.length - SHOWN_ERRORS} more`);
    process.exitCode = 1;
  } else {
    const { added, updated, unchanged } = result.counts;
    console.log(`${file}: ${added + updated + unchanged} figures: ${added} added, ${updated} updated, ${unchanged} unchanged.`);
  }
} finally {
  await db.$disconnect();
}
