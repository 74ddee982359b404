// Where a webhook may not go (SSRF): every private, loopback, link-local, CGNAT, multicast, unspecified
// and reserved range, in IPv4 and IPv6 (IPv4-mapped, NAT64 and 6to4 forms included), and the URL checks.
import { describe, expect, it } from "vitest";
import { checkEndpointUrl, isForbiddenAddress } from "@/lib/webhooks/address";
import { postWebhook } from "@/lib/webhooks/send";

const forbidden = [
  // IPv4
  "0.0.0.0", "0.1.2.3", // unspecified, "this network"
  "10.0.0.1", "10.255.255.255", // private
  "100.64.0.1", "100.127.255.254", // CGNAT
  "127.0.0.1", "127.255.255.255", // loopback
  "169.254.169.254", "169.254.0.1", // link-local (metadata service)
  "172.16.0.1", "172.31.255.255", // private
  "192.0.0.1", "192.0.2.10", "198.51.100.7", "203.0.113.9", // IETF, documentation
  "192.168.0.1", "192.168.255.255", // private
  "198.18.0.1", "198.19.255.255", // benchmarking
  "224.0.0.1", "239.255.255.250", // multicast
  "240.0.0.1", "255.255.255.255", // reserved, broadcast
  // IPv6
  "::", "::1", // unspecified, loopback
  "fe80::1", "fe80::1%eth0", "febf::1", // link-local
  "fc00::1", "fd12:3456:789a::1", // unique local
  "fec0::1", // site-local
  "ff02::1", "ff0e::1", // multicast
  "2001:db8::1", "100::1", // documentation, discard
  // IPv4 in IPv6
  "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.1.1", "::ffff:100.64.0.1", "::ffff:0.0.0.0",
  "::127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:c0a8:101::1", "2002:7f00:1::",
  // not an address at all
  "localhost", "",
];

const allowed = ["1.1.1.1", "8.8.8.8", "20.190.128.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "192.169.0.1", "2606:4700:4700::1111", "2620:1ec:c11::200", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"];

describe("webhook address checks", () => {
  it.each(forbidden)("refuses %s", (address) => expect(isForbiddenAddress(address)).toBe(true));
  it.each(allowed)("allows %s", (address) => expect(isForbiddenAddress(address)).toBe(false));

  it("refuses URLs that are not https, are malformed or carry credentials", async () => {
    const production = { allowPrivate: false };
    expect(await checkEndpointUrl("http://example.com/hook", production)).toBe("notHttps");
    expect(await checkEndpointUrl("ftp://example.com/hook", production)).toBe("invalidUrl");
    expect(await checkEndpointUrl("not a url", production)).toBe("invalidUrl");
    expect(await checkEndpointUrl("https://user:pass@example.com/hook", production)).toBe("invalidUrl");
    expect(await checkEndpointUrl("https://127.0.0.1/hook", production)).toBe("privateAddress");
    expect(await checkEndpointUrl("https://[::1]/hook", production)).toBe("privateAddress");
    expect(await checkEndpointUrl("https://[::ffff:169.254.169.254]/hook", production)).toBe("privateAddress");
    expect(await checkEndpointUrl("https://0x7f.1/hook", production)).toBe("privateAddress"); // WHATWG URL normalises it to 127.0.0.1
    expect(await checkEndpointUrl("https://2130706433/hook", production)).toBe("privateAddress");
    expect(await checkEndpointUrl("https://8.8.8.8/hook", production)).toBeNull();
  });

  it("refuses a host name that resolves to a loopback address (after DNS resolution)", async () => {
    expect(await checkEndpointUrl("https://localhost/hook", { allowPrivate: false })).toBe("privateAddress");
  });

  it("lets development and tests use http and local addresses when allowed", async () => {
    expect(await checkEndpointUrl("http://127.0.0.1:8080/hook", { allowPrivate: true })).toBeNull();
    expect(await checkEndpointUrl("ftp://127.0.0.1/hook", { allowPrivate: true })).toBe("invalidUrl");
  });

  it("refuses at delivery too: http, a private literal, a name resolving to loopback", async () => {
    const send = (url: string) => postWebhook({ url, headers: {}, body: "{}", allowPrivate: false, timeoutMs: 2000 });
    expect(await send("http://8.8.8.8/hook")).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/https/) });
    expect(await send("https://127.0.0.1:1/hook")).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/private or reserved/) });
    expect(await send("https://[::ffff:127.0.0.1]:1/hook")).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/private or reserved/) });
    expect(await send("https://localhost:1/hook")).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/private or reserved/) });
  });
});
