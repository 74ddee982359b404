// The API's OpenAPI document: OpenAPI 3.1 in shape (generated from the zod schemas), and every route
// handler under app/api/v1 (each path and each exported method) described in it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

const root = path.resolve(import.meta.dirname, "../../app/api/v1");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1 as an OpenAPI path ("[id]" becomes "{id}") with its exported methods. */
function routes(dir = root, prefix = ""): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routes(full, `${prefix}/${entry.name.replace(/^\[(.+)\]$/, "{$1}")}`));
    else if (entry.name === "route.ts") {
      const source = readFileSync(full, "utf8");
      found.push({ path: prefix, methods: methods.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source)) });
    }
  }
  return found;
}

describe("the OpenAPI document", () => {
  const document = openApiDocument("https://cpor.example.com") as unknown as Record<string, unknown> & {
    paths: Record<string, Record<string, { responses?: Record<string, unknown>; parameters?: { in: string; name: string }[]; operationId?: string }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };

  it("is OpenAPI 3.1 in shape: version, info, servers, paths with operations and responses, components that every $ref names", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(document.servers).toEqual([{ url: "https://cpor.example.com/api/v1" }]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const operationIds = new Set<string>();
    for (const [route, item] of Object.entries(document.paths)) {
      expect(route.startsWith("/")).toBe(true);
      for (const [method, operation] of Object.entries(item)) {
        expect(["get", "put", "post", "delete", "patch"]).toContain(method);
        expect(Object.keys(operation.responses ?? {}).length).toBeGreaterThan(0);
        for (const status of Object.keys(operation.responses ?? {})) expect(status).toMatch(/^[1-5]\d\d$/);
        expect(operation.operationId).toBeTruthy();
        expect(operationIds.has(operation.operationId!)).toBe(false);
        operationIds.add(operation.operationId!);
        // Every path template parameter is declared.
        for (const [, name] of route.matchAll(/\{(\w+)\}/g)) expect(operation.parameters?.some((p) => p.in === "path" && p.name === name)).toBe(true);
      }
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(document.components.schemas[ref], ref).toBeDefined();
    // 3.1 is JSON Schema 2020-12: no 3.0-only `nullable`.
    expect(JSON.stringify(document)).not.toContain('"nullable":');
  });

  it("describes every route of app/api/v1 and each of its methods", () => {
    const found = routes();
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const route of found) {
      expect(document.paths[route.path], route.path).toBeDefined();
      for (const method of route.methods) expect(document.paths[route.path][method.toLowerCase()], `${method} ${route.path}`).toBeDefined();
    }
  });

  it("takes the request bodies from the wizard's and the PoE page's schemas", () => {
    const create = JSON.stringify(document.paths["/claims"].post);
    for (const field of ["solutionArea", "partnerRole", "tenantId", "workloadIds", "customerContactEmail"]) expect(create).toContain(field);
    expect(JSON.stringify(document.paths["/claims/{id}/submit"].post)).toContain("onePartner");
    expect(JSON.stringify(document.components.schemas.ProofDetails)).toContain("customerAcknowledgedOn");
  });
});
