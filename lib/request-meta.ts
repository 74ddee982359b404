// Who made a request, as the audit history and the sign-in limits see it: the client's address and
// the user agent. The address is the TCP peer's, stamped on every request by lib/client-address-hook.ts,
// or with TRUSTED_PROXY=on the hop the proxy appended to X-Forwarded-For; never a header that the
// client alone writes (its own X-Forwarded-For or X-Real-IP).
import { env } from "./env";

/** The header the hook sets on each incoming request, overwriting whatever the client sent. */
export const clientAddressHeader = "x-cpor-client-address";

// A random value per process, shared by the hook and the readers through globalThis (Next may load
// them in different bundles): a header that lacks it was not written by the hook, so it is ignored,
// even for a request that arrived before the hook was installed.
const state = globalThis as unknown as { cporClientAddressStamp?: string };

/** The value the hook gives the header for a request from `address`. */
export function stampClientAddress(address: string) {
  state.cporClientAddressStamp ??= crypto.randomUUID();
  return `${state.cporClientAddressStamp} ${address}`;
}

function socketAddress(headers: Headers) {
  const stamp = state.cporClientAddressStamp;
  const value = headers.get(clientAddressHeader);
  if (!stamp || !value?.startsWith(`${stamp} `)) return undefined;
  return value.slice(stamp.length + 1) || undefined;
}

/** The client's address, or undefined when it cannot be known. */
export function clientAddress(headers: Headers): string | undefined {
  if (env().TRUSTED_PROXY === "on") {
    // The proxy appends the address it saw to whatever the client sent: only the last hop is its word.
    const last = headers.get("x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean).at(-1);
    if (last) return last;
  }
  return socketAddress(headers);
}

export function requestMeta(headers: Headers) {
  return {
    ip: clientAddress(headers),
    userAgent: headers.get("user-agent")?.slice(0, 500) ?? undefined,
  };
}
