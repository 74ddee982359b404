import { describe, expect, it } from "vitest";
import { appPolicy, newNonce, securityHeaders } from "@/lib/security/headers";

const base = { nonce: "abc123", development: false, https: true };
const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("gives pages a nonce policy for scripts and style elements, no framing, no eval in production", () => {
    const csp = directives(appPolicy(base));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp.get("style-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows style attributes, which cannot carry a nonce, but no inline style elements", () => {
    expect(directives(appPolicy(base)).get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("allows eval and inline styles (Next's development overlay) only in development, and upgrades requests only over https", () => {
    const csp = directives(appPolicy({ ...base, development: true, https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets sign-in forms continue to Microsoft Entra ID when it is configured", () => {
    expect(directives(appPolicy({ ...base, formTargets: ["https://login.microsoftonline.com"] })).get("form-action")).toEqual(["'self'", "https://login.microsoftonline.com"]);
  });

  it("sets HSTS only when APP_URL is https", () => {
    expect(securityHeaders({ ...base, pathname: "/claims" })["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ ...base, https: false, pathname: "/claims" })).not.toHaveProperty("strict-transport-security");
  });

  it("gives every response nosniff, DENY framing, a referrer policy and a permissions policy", () => {
    for (const pathname of ["/signin", "/api/health", "/c/token", "/api/claims/1/poe/files/2"]) {
      const headers = securityHeaders({ ...base, pathname });
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBeTruthy();
      expect(headers["permissions-policy"]).toContain("camera=()");
    }
  });

  it("keeps the customer's token out of referrers and gives their script-free page a script-free policy", () => {
    const headers = securityHeaders({ ...base, pathname: "/c/some.token" });
    expect(headers["referrer-policy"]).toBe("no-referrer");
    const csp = directives(headers["content-security-policy"]);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("style-src")).toEqual(["'nonce-abc123'"]);
    expect(csp.has("script-src")).toBe(false);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("leaves PoE downloads their own policy", () => {
    expect(securityHeaders({ ...base, pathname: "/api/claims/abc/poe/files/def" })).not.toHaveProperty("content-security-policy");
    expect(securityHeaders({ ...base, pathname: "/api/claims/abc/poe/files" })).toHaveProperty("content-security-policy");
  });

  it("makes a new unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
