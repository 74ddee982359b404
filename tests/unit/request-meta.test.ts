// The client address the audit history and the sign-in limits record: the TCP peer's address, stamped
// by the request hook (on a real HTTP server here), whatever X-Forwarded-For or X-Real-IP the client
// sends; with TRUSTED_PROXY=on, the last X-Forwarded-For hop (the one the proxy appended).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";


/** lib/request-meta.ts as a portal started with TRUSTED_PROXY=`setting` sees it (the setting is read once). */
async function withSetting(setting: "on" | "off" | undefined) {
  vi.resetModules();
  const previous = process.env.TRUSTED_PROXY;
  if (setting === undefined) delete process.env.TRUSTED_PROXY;
  else process.env.TRUSTED_PROXY = setting;
  const meta = await import("@/lib/request-meta");
  meta.requestMeta(new Headers()); // reads the configuration now
  if (previous === undefined) delete process.env.TRUSTED_PROXY;
  else process.env.TRUSTED_PROXY = previous;
  return meta;
}

const loopback = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];
const forged = { "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67", "x-cpor-client-address": "forged 203.0.113.68" };

let server: http.Server;
let seen: Headers | undefined;
let url: string;

beforeAll(async () => {
  const { installClientAddressHook } = await import("@/lib/client-address-hook");
  installClientAddressHook();
  installClientAddressHook(); // a second install (hot reload) changes nothing
  server = http.createServer((request, response) => {
    seen = new Headers(Object.entries(request.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])));
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The headers a route handler gets for a request sent with `headers` over a real socket. */
async function received(headers: Record<string, string>) {
  seen = undefined;
  await fetch(url, { headers });
  return seen!;
}

describe("the client address", () => {
  it("is the socket's, not a forged X-Forwarded-For, X-Real-IP or stamp header (TRUSTED_PROXY unset)", async () => {
    const { requestMeta } = await withSetting(undefined);
    const meta = requestMeta(await received({ ...forged, "user-agent": "Vitest/1.0" }));
    expect(loopback).toContain(meta.ip);
    expect(meta.userAgent).toBe("Vitest/1.0");
  });

  it("is unknown when the hook did not stamp the request: the client's own header counts for nothing", async () => {
    const { clientAddress } = await withSetting("off");
    expect(clientAddress(new Headers(forged))).toBeUndefined();
    expect(clientAddress(new Headers({ "x-cpor-client-address": `${crypto.randomUUID()} 203.0.113.69` }))).toBeUndefined();
  });

  it("with TRUSTED_PROXY=on is the last X-Forwarded-For hop, the one the proxy appended", async () => {
    const { clientAddress } = await withSetting("on");
    expect(clientAddress(await received({ "x-forwarded-for": "203.0.113.66, 10.0.0.7,198.51.100.20 " }))).toBe("198.51.100.20");
    expect(clientAddress(await received({ "x-forwarded-for": "198.51.100.21" }))).toBe("198.51.100.21");
    // No X-Forwarded-For at all (the proxy was bypassed): the socket's address.
    expect(loopback).toContain(clientAddress(await received({})));
  });

  it("with TRUSTED_PROXY=off ignores X-Forwarded-For", async () => {
    const { clientAddress } = await withSetting("off");
    expect(loopback).toContain(clientAddress(await received({ "x-forwarded-for": "198.51.100.22" })));
  });
});
