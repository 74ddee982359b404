import { describe, expect, it } from "vitest";
import { canonicalHost, canonicalLocation } from "@/lib/security/canonical-host";

const request = (host: string, { method = "GET", pathname = "/signin", search = "", headers = {} as Record<string, string> } = {}) => ({
  method,
  pathname,
  search,
  headers: new Headers({ host, ...headers }),
});
const local = { appUrl: "http://localhost:3000", trustedProxy: false };
const production = { appUrl: "https://cpor.example.com", trustedProxy: true };

describe("canonical host", () => {
  it("lets requests to APP_URL's host through, whatever the case or default port", () => {
    expect(canonicalHost(request("localhost:3000"), local)).toEqual({ action: "continue" });
    expect(canonicalHost(request("LOCALHOST:3000"), local)).toEqual({ action: "continue" });
    expect(canonicalHost(request("cpor.example.com:443", { headers: { "x-forwarded-proto": "https" } }), production)).toEqual({ action: "continue" });
  });

  it("sends a read on another host to the same path and query on APP_URL", () => {
    const decision = canonicalHost(request("127.0.0.1:3000", { pathname: "/claims/new", search: "?step=2" }), local);
    expect(decision).toEqual({ action: "redirect", path: "/claims/new?step=2" });
    expect(canonicalLocation(local.appUrl, "/claims/new?step=2")).toBe("http://localhost:3000/claims/new?step=2");
    expect(canonicalHost(request("127.0.0.1:3000", { method: "HEAD" }), local).action).toBe("redirect");
  });

  it("keeps a path that looks like another origin a path on APP_URL", () => {
    expect(canonicalLocation(local.appUrl, "//evil.example/x")).toBe("http://localhost:3000//evil.example/x");
    expect(new URL(canonicalLocation(local.appUrl, "@evil.example/x")).host).toBe("localhost:3000");
    expect(canonicalLocation("https://cpor.example.com", "/signin")).toBe("https://cpor.example.com/signin");
  });

  it("refuses a write on another host (a sign-in link would be built on it)", () => {
    expect(canonicalHost(request("evil.example", { method: "POST" }), local)).toEqual({ action: "refuse" });
  });

  it("answers /api/health on any host, for load balancers probing by address", () => {
    expect(canonicalHost(request("10.0.0.4:3000", { pathname: "/api/health" }), local)).toEqual({ action: "continue" });
  });

  it("ignores forwarded headers without a trusted proxy: a forged one neither redirects nor lets another host in", () => {
    expect(canonicalHost(request("localhost:3000", { headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } }), local)).toEqual({ action: "continue" });
    expect(canonicalHost(request("127.0.0.1:3000", { headers: { "x-forwarded-host": "localhost:3000" } }), local).action).toBe("redirect");
  });

  it("behind a trusted proxy, goes by the first forwarded host and scheme", () => {
    const forwarded = (host: string, proto: string) => request("10.0.0.4:3000", { headers: { "x-forwarded-host": host, "x-forwarded-proto": proto } });
    expect(canonicalHost(forwarded("cpor.example.com, 10.0.0.1", "https"), production)).toEqual({ action: "continue" });
    expect(canonicalHost(forwarded("cpor.example.com", "http"), production)).toEqual({ action: "redirect", path: "/signin" });
    expect(canonicalHost(forwarded("other.example.com", "https"), production).action).toBe("redirect");
    expect(canonicalHost(request("cpor.example.com"), production)).toEqual({ action: "continue" });
  });
});
