// Microsoft Entra ID sign-in: the Auth.js provider and who a token lets in. A person is their tenant and
// object ID (`tid`, `oid`: Microsoft's stable key for a user; `sub` differs per app and `email` is any
// value a tenant's admin types). Their organisation comes from the tenant (EntraTenant), never from an
// email domain; their role from the app roles in `roles`. Both are decided again at every sign-in.
import "server-only";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { z } from "zod";
import type { Db } from "../db-client";
import type { UserRole } from "../generated/prisma/enums";
import type { Env } from "../env";
import { resolveLocale } from "../i18n/locales";
import { wellFormedText } from "../text";

export const ENTRA_PROVIDER = "microsoft-entra-id";

/** The app roles to define on the app registration, as the portal reads them from `roles`. */
export const ENTRA_ROLES = { incentiveAdmin: "IncentiveAdmin", reviewer: "Reviewer" } as const;

/** Why an Entra sign-in was refused; /signin/refused explains each (messages: SignInRefused). */
export const refusalReasons = ["unknown-tenant", "no-role", "reviewer-tenant", "role-removed", "not-linked", "invalid-token"] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export const refusedPath = (reason: RefusalReason) => `/signin/refused?reason=${reason}`;

const guid = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** The claims of an Entra ID v2.0 ID token the portal relies on (validated by Auth.js first: signature source, iss, aud, exp, nonce). */
const claimsSchema = z.object({
  iss: z.string(),
  ver: z.literal("2.0"),
  tid: guid,
  oid: guid,
  name: z.optional(wellFormedText().check(z.maxLength(200))).catch(undefined),
  email: z.optional(wellFormedText().check(z.maxLength(320))).catch(undefined),
  preferred_username: z.optional(wellFormedText().check(z.maxLength(320))).catch(undefined),
  roles: z.array(z.string()).optional().default([]),
});
export type EntraClaims = z.infer<typeof claimsSchema>;

export function parseEntraClaims(profile: unknown): EntraClaims | null {
  const parsed = claimsSchema.safeParse(profile);
  return parsed.success ? parsed.data : null;
}

/** Auth.js's providerAccountId of an Entra person: tenant and object ID together, as Microsoft advises. */
export const entraAccountId = ({ tid, oid }: Pick<EntraClaims, "tid" | "oid">) => `${tid}/${oid}`;

/**
 * The issuer a token of tenant `tid` carries: the configured issuer with its tenant segment
 * ("organizations", "common" or one tenant's ID) replaced, as in Entra's metadata
 * (`https://login.microsoftonline.com/{tenantid}/v2.0`).
 */
export const entraIssuerFor = (configured: string, tid: string) => configured.replace(/\/[^/]+\/v2\.0\/?$/, `/${tid}/v2.0`);

/** Auth.js's Microsoft Entra ID provider, as the portal uses it. */
export function entraProvider(settings: Env) {
  return MicrosoftEntraID({
    clientId: settings.AUTH_MICROSOFT_ENTRA_ID_ID,
    clientSecret: settings.AUTH_MICROSOFT_ENTRA_ID_SECRET,
    issuer: settings.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
    // Sign-in only: no Microsoft Graph permission (Auth.js asks for User.Read to fetch a photo).
    authorization: { params: { scope: "openid profile email" } },
    checks: ["pkce", "state", "nonce"],
    profile(profile) {
      const claims = parseEntraClaims(profile);
      // An unusable token is refused by admitEntraSignIn (the signIn callback) before anything is stored.
      return { id: claims ? entraAccountId(claims) : "", name: claims?.name ?? null, email: claims ? contactEmail(claims) : null, image: null };
    },
    // The portal keeps no Entra tokens: it needs to know who signed in, not to act on their behalf.
    account: () => ({}),
  });
}

/** The address the portal shows and writes to: `email`, else the sign-in name (a UPN looks like one). */
const contactEmail = (claims: EntraClaims) => (claims.email ?? claims.preferred_username)?.toLowerCase() || null;

export type EntraAccess = { ok: true; role: UserRole; organizationId: string | null } | { ok: false; reason: "unknown-tenant" | "no-role" | "reviewer-tenant" };

/**
 * What a token's tenant and app roles allow, whoever the person is: Reviewer only from Microsoft's own
 * tenant (AUTH_REVIEWER_TENANT_ID); IncentiveAdmin only from a tenant registered to an organisation,
 * which becomes theirs. A Reviewer role from anywhere else gives nothing.
 */
export async function entraAccess(db: Db, claims: EntraClaims, { reviewerTenantId }: { reviewerTenantId?: string }): Promise<EntraAccess> {
  const has = (role: string) => claims.roles.includes(role);
  if (reviewerTenantId && claims.tid === reviewerTenantId) {
    return has(ENTRA_ROLES.reviewer) ? { ok: true, role: "REVIEWER", organizationId: null } : { ok: false, reason: "no-role" };
  }
  const tenant = await db.entraTenant.findUnique({ where: { tenantId: claims.tid }, select: { organizationId: true } });
  if (!tenant) return { ok: false, reason: "unknown-tenant" };
  if (has(ENTRA_ROLES.incentiveAdmin)) return { ok: true, role: "INCENTIVE_ADMIN", organizationId: tenant.organizationId };
  return { ok: false, reason: has(ENTRA_ROLES.reviewer) ? "reviewer-tenant" : "no-role" };
}

type Admission = {
  db: Db;
  settings: Env;
  /** The ID token's claims, as Auth.js validated them. */
  profile: unknown;
  providerAccountId: string;
  /** The session token the browser sent, if any, and its language cookie. */
  browser: { sessionToken?: string; locale?: string };
};

/**
 * The signIn callback for Entra ID: true to let Auth.js sign the person in, or the refusal page.
 * Accounts are linked only here, by tenant and object ID: a first sign-in creates the user (just in
 * time) with the account linked; an email address never links anything. A refused person who has a
 * user loses every session, so they are signed out at their next request.
 */
export async function admitEntraSignIn({ db, settings, profile, providerAccountId, browser }: Admission): Promise<true | string> {
  const claims = parseEntraClaims(profile);
  if (!claims || claims.iss !== entraIssuerFor(settings.AUTH_MICROSOFT_ENTRA_ID_ISSUER!, claims.tid) || providerAccountId !== entraAccountId(claims)) {
    return refuse("invalid-token", claims);
  }
  // A sign-in starts from signed out: a session the browser already has (someone else's, maybe) ends
  // here, so Auth.js never links this account to whoever was signed in.
  if (browser.sessionToken) await db.session.deleteMany({ where: { sessionToken: browser.sessionToken } });

  const linked = await db.account.findUnique({ where: { provider_providerAccountId: { provider: ENTRA_PROVIDER, providerAccountId } }, select: { userId: true } });
  const access = await entraAccess(db, claims, { reviewerTenantId: settings.AUTH_REVIEWER_TENANT_ID });
  if (!access.ok) {
    if (!linked) return refuse(access.reason, claims);
    await db.session.deleteMany({ where: { userId: linked.userId } });
    return refuse(access.reason === "unknown-tenant" ? "unknown-tenant" : "role-removed", claims);
  }
  const { role, organizationId } = access;
  if (linked) {
    await db.user.update({ where: { id: linked.userId }, data: { role, organizationId, ...(claims.name ? { name: claims.name } : {}) } });
    return true;
  }

  const email = contactEmail(claims);
  if (!email) return refuse("invalid-token", claims);
  // Someone already has this address (an email-link user, or another tenant's person): never theirs.
  if ((await db.user.count({ where: { email } })) > 0) return refuse("not-linked", claims);
  await db.user.create({
    data: {
      email,
      name: claims.name ?? null,
      role,
      organizationId,
      locale: resolveLocale(browser.locale),
      accounts: { create: { provider: ENTRA_PROVIDER, type: "oidc", providerAccountId } },
    },
  });
  return true;
}

function refuse(reason: RefusalReason, claims: EntraClaims | null) {
  console.warn(`Microsoft Entra ID sign-in refused (${reason})${claims ? ` tid=${claims.tid} oid=${claims.oid}` : ""}`);
  return refusedPath(reason);
}
