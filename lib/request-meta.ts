// Who made a request, as the audit history records it: the client IP (first X-Forwarded-For hop)
// and the user agent.
export function requestMeta(headers: Headers, { realIpFallback = false } = {}) {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded ?? (realIpFallback ? (headers.get("x-real-ip") ?? undefined) : undefined),
    userAgent: headers.get("user-agent")?.slice(0, 500) ?? undefined,
  };
}
