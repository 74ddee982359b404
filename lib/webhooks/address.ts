// Where webhooks may go (SSRF): an endpoint must be https and every address its host resolves to must be
// public. Checked when an admin registers an endpoint and again at every delivery, on the addresses the
// connection actually uses (lib/webhooks/send.ts passes `safeLookup` to the request). WEBHOOK_ALLOW_PRIVATE
// (development, tests) lifts both rules.
import { BlockList, isIP } from "node:net";
import { lookup } from "node:dns/promises";

const v4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", the unspecified address
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata services)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
] as const) {
  v4.addSubnet(network, prefix, "ipv4");
}

const v6 = new BlockList();
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["100::", 64], // discard-only
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local (private)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still private)
  ["ff00::", 8], // multicast
] as const) {
  v6.addSubnet(network, prefix, "ipv6");
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIPv4(address: string): string | null {
  const groups = expandIPv6(address);
  if (!groups) return null;
  const toV4 = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join(".");
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return toV4(groups[6], groups[7]); // ::ffff:0:0/96
  if (zeros(0, 6) && (groups[6] !== 0 || groups[7] > 1)) return toV4(groups[6], groups[7]); // ::a.b.c.d (deprecated)
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return toV4(groups[6], groups[7]); // NAT64
  if (groups[0] === 0x2002) return toV4(groups[1], groups[2]); // 6to4
  return null;
}

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tails included), or null. */
function expandIPv6(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1].split(".").map(Number);
    text = text.slice(0, -dotted[1].length) + `${((parts[0] << 8) | parts[1]).toString(16)}:${((parts[2] << 8) | parts[3]).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const split = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const first = split(head);
  const last = split(tail);
  const groups = tail === undefined ? first : [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** Whether a webhook may not go to this IP address: private, loopback, link-local, CGNAT, multicast, unspecified or reserved. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address.replace(/%.*$/, ""));
  if (family === 4) return v4.check(address, "ipv4");
  if (family !== 6) return true;
  const plain = address.replace(/%.*$/, "");
  const carried = embeddedIPv4(plain);
  if (carried !== null && v4.check(carried, "ipv4")) return true;
  return v6.check(plain, "ipv6");
}

export type AddressProblem = "invalidUrl" | "notHttps" | "privateAddress" | "unresolvable";

export class ForbiddenAddressError extends Error {
  constructor(readonly problem: AddressProblem, detail: string) {
    super(detail);
    this.name = "ForbiddenAddressError";
  }
}

/** The URL's host as an IP literal (brackets removed), or null for a name. */
const ipLiteral = (host: string) => {
  const bare = host.replace(/^\[|\]$/g, "");
  return isIP(bare) ? bare : null;
};

/**
 * Checks an endpoint URL before it is saved or called: a well-formed http(s) URL without credentials,
 * https unless `allowPrivate`, and (unless `allowPrivate`) every address its host resolves to public.
 * Returns null when it may be used, else the problem.
 */
export async function checkEndpointUrl(raw: string, { allowPrivate, resolve = true }: { allowPrivate: boolean; resolve?: boolean }): Promise<AddressProblem | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalidUrl";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "invalidUrl";
  if (url.username || url.password || !url.hostname) return "invalidUrl";
  if (allowPrivate) return null;
  if (url.protocol !== "https:") return "notHttps";
  const literal = ipLiteral(url.hostname);
  if (literal) return isForbiddenAddress(literal) ? "privateAddress" : null;
  if (!resolve) return null;
  try {
    const addresses = await lookup(url.hostname, { all: true, verbatim: true });
    if (addresses.length === 0) return "unresolvable";
    return addresses.some((a) => isForbiddenAddress(a.address)) ? "privateAddress" : null;
  } catch {
    return "unresolvable";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves the host and refuses the connection when any of its
 * addresses is forbidden: the check applies to the very addresses connected to (no DNS rebinding between
 * a check and the request).
 */
export function safeLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback) {
  lookup(hostname, { all: true, verbatim: true }).then(
    (addresses) => {
      const bad = addresses.find((a) => isForbiddenAddress(a.address));
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} does not resolve`), { code: "ENOTFOUND" }), "", 0);
      if (bad) return callback(new ForbiddenAddressError("privateAddress", `${hostname} resolves to ${bad.address}, a private or reserved address`), "", 0);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    },
    (error: NodeJS.ErrnoException) => callback(error, "", 0),
  );
}

/** Before connecting to an IP literal (no lookup happens for one): refuses a forbidden address. */
export function assertLiteralAllowed(url: URL) {
  const literal = ipLiteral(url.hostname);
  if (literal && isForbiddenAddress(literal)) throw new ForbiddenAddressError("privateAddress", `${literal} is a private or reserved address`);
}
