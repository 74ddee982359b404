import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { constantHeaders } from "./lib/security/headers";
import { MAX_REQUEST_BYTES } from "./lib/poe/vocabulary";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "pg-boss", "nodemailer", "@azure/storage-blob"],
  poweredByHeader: false,
  devIndicators: false,
  // The README's URL is http://localhost:3000; the other loopback name reaches the dev server too
  // (its pages then redirect to APP_URL), so its HMR connection is not refused as cross-origin.
  allowedDevOrigins: ["localhost", "127.0.0.1"],
  experimental: {
    // The development MCP endpoint writes every forwarded browser log line to .next/dev/logs
    // on each page load; the portal does not use it, so nothing is written while a page loads.
    mcpServer: false,
    // With a proxy (proxy.ts), Next.js copies each request's body for it and cuts the copy the route
    // handler reads at this size (10 MB unless set): a 25 MB PoE file would arrive cut short. The proxy
    // reads no body; this is the largest body a route accepts, and each route checks its own limit.
    proxyClientMaxBodySize: MAX_REQUEST_BYTES,
  },
  // Pages and route handlers get every security header from proxy.ts; static build output skips the
  // proxy, so it gets the ones that do not depend on the request here.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: Object.entries(constantHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);
