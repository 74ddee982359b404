// Authoring a migration offline: diffs the migrations folder (replayed on an in-process PGlite
// shadow database) against prisma/schema.prisma and writes the SQL as a new migration folder.
// Usage: npm run db:migrate:new -- <name>
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name of lower-case letters, digits and underscores: npm run db:migrate:new -- poe_files");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
const output = path.join(".data", `migration-${stamp}.sql`);
mkdirSync(".data", { recursive: true });

const args = ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--output", output];
const child = spawn("npx", args, { stdio: "inherit", env: { ...process.env, PRISMA_AUTHORING: "1" } });

// The in-process shadow database can keep the CLI alive after it has written the script: stop it
// once the output has stopped growing.
let lastSize = -1;
const started = Date.now();
const timer = setInterval(() => {
  if (!existsSync(output)) {
    if (Date.now() - started > 120_000) child.kill("SIGTERM");
    return;
  }
  const size = statSync(output).size;
  if (size === lastSize) child.kill("SIGTERM");
  lastSize = size;
}, 2_000);
child.on("exit", () => {
  clearInterval(timer);
  const sql = existsSync(output) ? readFileSync(output, "utf8") : "";
  rmSync(output, { force: true });
  if (!sql.trim() || sql.includes("-- This is an empty migration.")) {
    console.error("No changes between the migrations and prisma/schema.prisma.");
    process.exit(1);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${path.join(dir, "migration.sql")}`);
});
