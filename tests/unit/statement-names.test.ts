// The names under which each connection keeps statements prepared (lib/db-client.ts statementNames).
import { describe, expect, it } from "vitest";
import { statementNames } from "@/lib/db-client";

describe("statementNames", () => {
  it("gives a text the same name every time, and different texts different names", () => {
    const name = statementNames(10);
    const first = name({ sql: 'SELECT "id" FROM "Claim" WHERE "id" = $1' });
    expect(first).toMatch(/^cpor_[A-Za-z0-9_-]{27}$/);
    expect(name({ sql: 'SELECT "id" FROM "Claim" WHERE "id" = $1' })).toBe(first);
    expect(name({ sql: 'SELECT "id" FROM "Claim" WHERE "tenantId" = $1' })).not.toBe(first);
    // Another process (another instance) names the same text the same way.
    expect(statementNames(10)({ sql: 'SELECT "id" FROM "Claim" WHERE "id" = $1' })).toBe(first);
  });

  it("names no more than its limit of texts; later ones run unnamed, the named ones keep their names", () => {
    const name = statementNames(2);
    const a = name({ sql: "SELECT 1" });
    const b = name({ sql: "SELECT 2" });
    expect([a, b].every((n) => n.startsWith("cpor_"))).toBe(true);
    expect(name({ sql: "SELECT 3" })).toBe("");
    expect(name({ sql: "SELECT 4" })).toBe("");
    expect(name({ sql: "SELECT 1" })).toBe(a);
  });
});
