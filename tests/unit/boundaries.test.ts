// The layout's rules, as ESLint enforces them (eslint.config.mjs): pages and components never reach the
// database client or the generated Prisma client's values, and settings are read only through lib/env.ts.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
}

describe("the layout's boundaries", () => {
  it("a component or a page importing the database client is refused", async () => {
    for (const file of ["components/claims/Scratch.tsx", "app/(portal)/claims/scratch/page.tsx"]) {
      expect(await problems(file, 'import { db } from "@/lib/db";\nexport const x = db;\n')).toContain("@typescript-eslint/no-restricted-imports");
      expect(await problems(file, 'import { Prisma } from "@/lib/generated/prisma/client";\nexport const x = Prisma;\n')).toContain("@typescript-eslint/no-restricted-imports");
    }
  }, 60_000);

  it("the generated types may be named, and lib may import the client", async () => {
    expect(await problems("components/claims/Scratch.tsx", 'import type { ClaimStatus } from "@/lib/generated/prisma/enums";\nexport const x: ClaimStatus = "DRAFT";\n')).toEqual([]);
    expect(await problems("lib/claims/scratch.ts", 'import { db } from "../db";\nexport const x = db;\n')).toEqual([]);
  }, 60_000);

  it("process.env is read only in lib/env.ts", async () => {
    expect(await problems("lib/claims/scratch.ts", "export const x = process.env.DATABASE_URL;\n")).toContain("no-restricted-properties");
    expect(await problems("components/Scratch.tsx", "export const x = process.env.APP_URL;\n")).toContain("no-restricted-properties");
    expect(await problems("lib/env.ts", "export const x = process.env.APP_URL;\n")).not.toContain("no-restricted-properties");
  }, 60_000);
});
