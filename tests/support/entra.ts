// A stand-in for Microsoft Entra ID in the tests: a real OpenID Connect provider (oidc-provider) over
// HTTPS, shaped like Entra ID's v2.0 endpoints and tokens, so the portal signs people in through the
// same Auth.js code path as with login.microsoftonline.com:
//   /{tenant}/v2.0/.well-known/openid-configuration  metadata; for "common" and "organizations" the
//                                                    issuer is https://<host>/{tenantid}/v2.0, as Entra's
//   /{tenant}/oauth2/v2.0/authorize, .../token       authorization code flow (PKCE, nonce)
//   /{tenant}/discovery/v2.0/keys                    signing keys (RS256), the same for every tenant
// ID tokens carry iss https://<host>/<tid>/v2.0 (the person's home tenant, whatever endpoint they used),
// ver "2.0", tid, oid, a pairwise sub, name, preferred_username, email (when the person has one) and
// roles (only when app roles are assigned), and no `iss` parameter on the authorization response.
// The sign-in page asks only for a user name (no password). The test command starts it
// (scripts/stack.ts); tests change app role assignments through /_test/people/<username>.
import { execFileSync } from "node:child_process";
import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { KoaContextWithOIDC } from "oidc-provider";
import { DEMO } from "../../lib/reference/demo-data";

export const ENTRA_TEST_CLIENT = { id: "cpor-portal-test", secret: "cpor-portal-test-secret" } as const;

/** Tenants: the demo organisations' (registered in the seed), Microsoft's (reviewers), and two nobody registered. */
export const ENTRA_TEST_TENANTS = {
  contoso: DEMO.entraTenants.contoso,
  fabrikam: DEMO.entraTenants.fabrikam,
  microsoft: "e6a2c4f8-1b3d-4f5a-8c7e-9d0b2a4c6e35",
  woodgrove: "0b9d7f5e-3c1a-4e8b-9d6f-2a4c6e8b0d17",
  litware: "5e7a9c1b-3d5f-4a7c-8e9b-1d3f5a7c9e28",
} as const;

export type EntraTestPerson = { username: string; tid: string; oid: string; name: string; email?: string; roles: string[] };

const person = (username: string, tid: string, oid: string, name: string, roles: string[], { email = username }: { email?: string | null } = {}): EntraTestPerson => ({
  username,
  tid,
  oid,
  name,
  ...(email ? { email } : {}),
  roles,
});

const T = ENTRA_TEST_TENANTS;

/** Everyone the stand-in knows, with their app role assignments at start. */
export const ENTRA_TEST_PEOPLE = {
  contosoAdmin: person("megan.bowen@contoso.example", T.contoso, "9f3c1e7a-5b2d-4c8e-a1f6-3d7b9e2c4a51", "Megan Bowen", ["IncentiveAdmin"]),
  // No `email` claim (no mailbox): the portal uses the sign-in name.
  fabrikamAdmin: person("diego.siciliani@fabrikam.example", T.fabrikam, "2b6d8f0a-4c1e-4a3b-9d5f-7e9a1c3b5d62", "Diego Siciliani", ["IncentiveAdmin"], { email: null }),
  reviewer: person("adele.vance@microsoft.example", T.microsoft, "6e8a0c2d-7f4b-4b1d-8c3e-5a7c9e1b3d73", "Adele Vance", ["Reviewer"]),
  unknownTenant: person("lee.gu@woodgrove.example", T.woodgrove, "4c0e2a6b-9d7f-4e3a-b5c1-8f0b2d4a6c84", "Lee Gu", ["IncentiveAdmin"]),
  noRole: person("alex.wilber@contoso.example", T.contoso, "8a2c4e6f-1b9d-4d5f-a7e3-0c2e4a6b8d95", "Alex Wilber", []),
  partnerReviewer: person("isaiah.langer@fabrikam.example", T.fabrikam, "1d5f7b9e-3a2c-4f6e-8b0d-4c6e8a0b2fa6", "Isaiah Langer", ["Reviewer"]),
  // The demo email-link user's address, on another person's Entra account: never linked by that address.
  sameEmail: person("contoso.admin@contoso.example", T.contoso, "7b1d3f5a-8e6c-4a2e-9f4b-6d8f0a2c4eb7", "Contoso admin (Entra ID)", ["IncentiveAdmin"], { email: DEMO.users.contosoAdmin }),
  // Role changes between sign-ins: one person for the browser tests, one for the integration tests.
  roleChanges: person("pradeep.gupta@contoso.example", T.contoso, "3e7a9c1d-2b4f-4e8a-a6c0-9e1b3d5f7ac8", "Pradeep Gupta", ["IncentiveAdmin"]),
  roleChangesIntegration: person("lynne.robbins@contoso.example", T.contoso, "5a9c1e3f-6d8b-4a0c-b2e4-1f3a5c7e9bd9", "Lynne Robbins", ["IncentiveAdmin"]),
  litwareAdmin: person("nestor.wilke@litware.example", T.litware, "0c4e6a8b-5f1d-4b3f-9a7c-2e4a6c8e0aea", "Nestor Wilke", ["IncentiveAdmin"]),
} satisfies Record<string, EntraTestPerson>;

/** The stand-in's base URL (ENTRA_TEST_URL, set by the test command). */
const baseUrl = () => {
  const url = process.env.ENTRA_TEST_URL;
  if (!url) throw new Error("ENTRA_TEST_URL is not set: run the tests with `npm test` (scripts/test.ts starts the Entra ID stand-in)");
  return url;
};

/** Assigns `roles` (app role values) to a person, as an Entra admin would between two sign-ins. */
export async function setEntraRoles(username: string, roles: string[]) {
  const response = await fetch(`${baseUrl()}/_test/people/${encodeURIComponent(username)}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ roles }),
  });
  if (response.status !== 204) throw new Error(`setting ${username}'s roles failed: ${response.status}`);
}

export type EntraTestProvider = {
  /** The portal's AUTH_MICROSOFT_ENTRA_ID_ISSUER: the multi-tenant ("common") issuer. */
  issuer: string;
  origin: string;
  /** PEM of the self-signed certificate (the portal trusts it through NODE_EXTRA_CA_CERTS). */
  certificateFile: string;
  /** base64 SHA-256 of the certificate's public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  stop: () => Promise<void>;
};

const multiTenant = new Set(["common", "organizations"]);

/** Starts the stand-in on 127.0.0.1:`port`, trusting `redirectUri` (the portal's callback) for its one client. */
export async function startEntraTestProvider({ port, dir, redirectUri }: { port: number; dir: string; redirectUri: string }): Promise<EntraTestProvider> {
  const { default: Provider } = await import("oidc-provider");
  const origin = `https://127.0.0.1:${port}`;
  const { certificateFile, keyFile } = selfSignedCertificate(dir);
  const people = new Map<string, EntraTestPerson>(Object.values(ENTRA_TEST_PEOPLE).map((p) => [p.username, { ...p, roles: [...p.roles] }]));
  const tenants = new Set<string>([...multiTenant, ...Object.values(ENTRA_TEST_TENANTS)]);
  // Entra's `sub` is pairwise (one per person and app): not the object ID the portal must key on.
  const subOf = (p: EntraTestPerson) => createHash("sha256").update(`${p.oid}:${ENTRA_TEST_CLIENT.id}`).digest("base64url").slice(0, 43);
  const bySub = () => new Map([...people.values()].map((p) => [subOf(p), p]));
  // The tenant a request's path names (set below, before the provider sees the request).
  const tenantOfRequest = new WeakMap<IncomingMessage, string>();
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const provider = new Provider(origin, {
    clients: [
      {
        client_id: ENTRA_TEST_CLIENT.id,
        client_secret: ENTRA_TEST_CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: "entra-test-1", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    scopes: ["openid", "profile", "email", "offline_access"],
    claims: { openid: ["sub", "tid", "oid", "ver", "roles"], profile: ["name", "preferred_username"], email: ["email"] },
    // Entra puts the profile and email claims in the ID token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 3600, AuthorizationCode: 600, IdToken: 3600, Interaction: 3600, Session: 86_400, Grant: 86_400 },
    routes: {
      authorization: "/oauth2/v2.0/authorize",
      token: "/oauth2/v2.0/token",
      jwks: "/discovery/v2.0/keys",
      userinfo: "/oidc/userinfo",
      end_session: "/oauth2/v2.0/logout",
    },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(ctx: KoaContextWithOIDC, sub: string) {
      const found = bySub().get(sub);
      if (!found) return undefined;
      // Tokens are issued by the person's home tenant, whichever endpoint was used.
      ctx.state.entraTenant = found.tid;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ver: "2.0",
          tid: found.tid,
          oid: found.oid,
          name: found.name,
          preferred_username: found.username,
          ...(found.email ? { email: found.email } : {}),
          ...(found.roles.length > 0 ? { roles: [...found.roles] } : {}),
        }),
      };
    },
    // The portal is a first-party app: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  });

  // Entra's issuer depends on the tenant: {tenantid} in the multi-tenant metadata, the home tenant in tokens.
  Object.defineProperty(provider, "issuer", {
    configurable: true,
    get() {
      const ctx = Provider.ctx;
      const tenant: string | undefined = ctx?.state.entraTenant ?? (ctx ? tenantOfRequest.get(ctx.req) : undefined);
      return !tenant || multiTenant.has(tenant) ? `${origin}/{tenantid}/v2.0` : `${origin}/${tenant}/v2.0`;
    },
  });
  // Entra sends no `iss` parameter with the authorization code (RFC 9207), and its metadata says so by
  // leaving out authorization_response_iss_parameter_supported; its subjects are pairwise.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route === "discovery" && ctx.body && typeof ctx.body === "object") {
      const { authorization_response_iss_parameter_supported: _iss, ...metadata } = ctx.body as Record<string, unknown>;
      ctx.body = { ...metadata, subject_types_supported: ["pairwise"] };
    }
    const location: unknown = ctx.response.get("location");
    if (typeof location === "string" && location.startsWith(redirectUri)) {
      const url = new URL(location);
      url.searchParams.delete("iss");
      ctx.response.set("location", url.href);
    }
  });
  provider.on("server_error", (_ctx: unknown, error: unknown) => console.error("[entra stand-in]", error));
  const oidc = provider.callback();

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", origin);
    const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (interaction) return interaction[2] ? login(req, res) : loginPage(req, res);
    const control = /^\/_test\/people\/([^/]+)$/.exec(url.pathname);
    if (control && req.method === "PUT") return changeRoles(req, res, decodeURIComponent(control[1]));

    const [, tenant, rest] = /^\/([^/]+)(\/.*)$/.exec(url.pathname) ?? [];
    if (!tenant || !tenants.has(tenant.toLowerCase())) {
      return send(res, 400, "application/json", JSON.stringify({ error: "invalid_tenant", error_description: `AADSTS90002: Tenant '${tenant}' not found.` }));
    }
    const inner = rest === "/v2.0/.well-known/openid-configuration" ? "/.well-known/openid-configuration" : rest;
    // Every sign-in asks who is signing in (the tests sign several people in from one browser).
    if (inner === "/oauth2/v2.0/authorize" && req.headers.cookie) {
      req.headers.cookie = req.headers.cookie.split(";").filter((c) => !/^\s*_session(\.legacy)?(\.sig)?=/.test(c)).join(";");
    }
    tenantOfRequest.set(req, tenant.toLowerCase());
    // oidc-provider builds its URLs from the part of originalUrl before url: /{tenant}.
    Object.assign(req, { originalUrl: `/${tenant}${inner}${url.search}`, url: `${inner}${url.search}` });
    oidc(req, res);
  };

  const loginPage = async (req: IncomingMessage, res: ServerResponse, problem?: string, username = "") => {
    const details = await provider.interactionDetails(req, res);
    send(res, 200, "text/html; charset=utf-8", page(details.uid, problem, username));
  };

  const login = async (req: IncomingMessage, res: ServerResponse) => {
    const username = new URLSearchParams(await body(req)).get("username")?.trim().toLowerCase() ?? "";
    const found = people.get(username);
    if (!found) return loginPage(req, res, "We couldn't find an account with that username.", username);
    await provider.interactionFinished(req, res, { login: { accountId: subOf(found) } }, { mergeWithLastSubmission: false });
  };

  const changeRoles = async (req: IncomingMessage, res: ServerResponse, username: string) => {
    const found = people.get(username.toLowerCase());
    const { roles } = JSON.parse(await body(req)) as { roles?: unknown };
    if (!found || !Array.isArray(roles) || !roles.every((r) => typeof r === "string")) return send(res, 400, "text/plain", "unknown person or bad roles");
    found.roles = roles;
    send(res, 204);
  };

  const server = https.createServer({ key: readFileSync(keyFile), cert: readFileSync(certificateFile) }, (req, res) => {
    route(req, res).catch((error) => {
      console.error("[entra stand-in]", error);
      if (!res.headersSent) send(res, 500, "text/plain", String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const certificate = new X509Certificate(readFileSync(certificateFile));
  const spki = createHash("sha256").update(certificate.publicKey.export({ type: "spki", format: "der" })).digest("base64");
  return {
    issuer: `${origin}/common/v2.0`,
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    certificateFile,
    spki,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A self-signed certificate for 127.0.0.1 (and localhost), valid for two days. */
function selfSignedCertificate(dir: string) {
  const keyFile = path.join(dir, "entra-test-key.pem");
  const certificateFile = path.join(dir, "entra-test-cert.pem");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
    "-keyout", keyFile, "-out", certificateFile,
    "-subj", "/CN=Entra ID test stand-in",
    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
  ], { stdio: "ignore" });
  return { keyFile, certificateFile };
}

function body(req: IncomingMessage) {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, type?: string, content?: string) {
  res.writeHead(status, type ? { "content-type": type, "cache-control": "no-store" } : { "cache-control": "no-store" });
  res.end(content);
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sign-in page: a user name, no password. */
function page(uid: string, problem: string | undefined, username: string) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in to your account</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0}main{max-width:360px;margin:80px auto;background:#fff;padding:32px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
label{display:block;margin:16px 0 4px}input{width:100%;box-sizing:border-box;padding:6px;font-size:15px}button{margin-top:20px;background:#0067b8;color:#fff;border:0;padding:8px 24px;font-size:15px}
.problem{color:#a4262c}.note{color:#444;font-size:13px}</style></head>
<body><main>
<h1>Sign in</h1>
<p class="note">Microsoft Entra ID test stand-in: no password needed.</p>
${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="username">Email or username</label>
<input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(username)}">
<button type="submit">Next</button>
</form>
</main></body></html>`;
}
