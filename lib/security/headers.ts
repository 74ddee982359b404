// The security headers of every response: a Content-Security-Policy with a per-request nonce,
// framing, referrer, MIME sniffing, browser features and HSTS. proxy.ts applies them to pages and
// route handlers; next.config.ts gives static assets the ones that do not depend on the request.

/** Request header through which proxy.ts hands the nonce to the root layout and route handlers. */
export const NONCE_HEADER = "x-nonce";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

type PolicyOptions = {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval. */
  development: boolean;
  /** APP_URL is https: upgrade stray http subresources. */
  https: boolean;
  /** Origins a sign-in form may be redirected to besides this one (Microsoft Entra ID). */
  formTargets?: string[];
};

const serialize = (directives: Record<string, string[] | true>) =>
  Object.entries(directives)
    .map(([name, sources]) => (sources === true ? name : `${name} ${sources.join(" ")}`))
    .join("; ");

/**
 * The portal's pages (Next.js, Fluent UI). Next puts the nonce on its scripts (it reads it from
 * this header); the root layout hands it to Griffel, which puts it on every <style> element it
 * renders on the server or inserts in the browser. Style *attributes* stay allowed
 * (`style-src-attr 'unsafe-inline'`): React renders `style` props as attributes, Fluent positions
 * popups with them, and neither can carry a nonce. An attribute styles only its own element (no
 * selectors, @import or fonts), and images and fonts are limited to this origin, so an injected
 * one cannot read or send the page's content; <style> elements, which could, need the nonce.
 *
 * `next dev` only: eval for React's error stacks, and inline styles for Next's own development
 * overlay, whose bundled style loader never sets a nonce (a nonce in style-src would disable
 * 'unsafe-inline'). Production builds get neither.
 */
export function appPolicy({ nonce, development, https, formTargets = [] }: PolicyOptions) {
  return serialize({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ...(development
      ? { "style-src": ["'self'", "'unsafe-inline'"] }
      : { "style-src": ["'self'", `'nonce-${nonce}'`], "style-src-attr": ["'unsafe-inline'"] }),
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'", ...formTargets],
    "frame-ancestors": ["'none'"],
    ...(https ? { "upgrade-insecure-requests": true as const } : {}),
  });
}

/** A server-rendered document without any script (the customer's page): its one <style> carries the nonce. */
export function documentPolicy({ nonce, https }: Pick<PolicyOptions, "nonce" | "https">) {
  return serialize({
    "default-src": ["'none'"],
    "style-src": [`'nonce-${nonce}'`],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(https ? { "upgrade-insecure-requests": true as const } : {}),
  });
}

/** The customer's pages: their links carry the signed token in the path. */
const customerPage = /^\/c\//;
/** PoE downloads set their own stricter policy (app/api/claims/[id]/poe/files/[fileId]/route.ts). */
const ownPolicy = /^\/api\/claims\/[^/]+\/poe\/files\/[^/]+\/?$/;

/** Headers that do not depend on the request: static assets get these (next.config.ts). */
export const constantHeaders = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // Same-origin requests keep the full referrer (and the Origin header server actions check);
  // other sites get none. (no-referrer would turn the Origin of same-origin POSTs into "null".)
  "referrer-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
} as const;

export type SecurityHeaderOptions = PolicyOptions & { pathname: string };

/** Every security header of a response to `pathname`, lower-case names. */
export function securityHeaders({ pathname, ...policy }: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = { ...constantHeaders };
  if (policy.https) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  if (customerPage.test(pathname)) {
    headers["referrer-policy"] = "no-referrer";
    headers["content-security-policy"] = documentPolicy(policy);
  } else if (!ownPolicy.test(pathname)) {
    headers["content-security-policy"] = appPolicy(policy);
  }
  return headers;
}
