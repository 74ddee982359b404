// Statements kept prepared per connection (DATABASE_STATEMENT_CACHE, lib/db-client.ts): on a PostgreSQL
// server the portal's queries are parsed and planned once per connection; on the embedded server, whose
// one session outlives its connections, none is kept.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseEnv } from "@/lib/env";

afterAll(async () => {
  await db.$disconnect();
});

// Both queries in one transaction: they run on the same connection, and the second sees what the first left.
const preparedAfterCatalogRead = () =>
  db.$transaction(async (tx) => {
    await tx.workload.findMany({ where: { solutionArea: "MODERN_WORK_SECURITY" }, orderBy: { sortOrder: "asc" } });
    await tx.workload.findMany({ where: { solutionArea: "MODERN_WORK_SECURITY" }, orderBy: { sortOrder: "asc" } });
    return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
  });

describe("prepared statements", () => {
  const cache = databaseEnv().DATABASE_STATEMENT_CACHE;

  it.runIf(cache > 0)("on a PostgreSQL server, a query the portal sends is prepared once on its connection and reused", async () => {
    const prepared = await preparedAfterCatalogRead();
    const catalog = prepared.filter((s) => s.statement.includes('FROM "public"."Workload"'));
    expect(catalog).toHaveLength(1);
    expect(catalog[0].name).toMatch(/^cpor_/);
    // Run again: still one statement of that text on the connection (named statements are not parsed twice).
    const again = await preparedAfterCatalogRead();
    expect(again.filter((s) => s.statement.includes('FROM "public"."Workload"'))).toHaveLength(1);
  });

  it.runIf(cache === 0)("with the cache off (the embedded server's setting), no statement is kept prepared", async () => {
    expect(await preparedAfterCatalogRead()).toEqual([]);
  });
});
