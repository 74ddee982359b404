// Microsoft Entra ID sign-in end to end, without a browser: the sign-in action, the Entra ID stand-in
// (tests/support/entra.ts: a real OpenID Connect provider over HTTPS, tokens shaped like Entra's v2.0)
// and Auth.js's callback, on the real database (only next/headers is mocked). Who is let in, as whom,
// in which organisation; every refusal; role and tenant changes between sign-ins; no automatic linking.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: (await import("../support/next-request")).after }));
import { afterAnswer, incoming } from "../support/next-request";

import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { requestSignInLink, signInWithEntra } from "@/lib/auth/actions";
import { admitEntraSignIn, entraAccountId } from "@/lib/auth/entra";
import { handlers } from "@/lib/auth/index";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { messageKinds } from "@/lib/notify/messages";
import { DEMO } from "@/lib/reference/demo-data";
import { ENTRA_TEST_PEOPLE, ENTRA_TEST_TENANTS, setEntraRoles, type EntraTestPerson } from "../support/entra";

const people = ENTRA_TEST_PEOPLE;
const appOrigin = () => new URL(env().APP_URL).origin;
const sessionCookie = "authjs.session-token";

/** A redirect thrown by next/navigation, as its URL. */
async function redirectOf(action: () => Promise<unknown>) {
  try {
    await action();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT;")) return digest.split(";")[2];
    throw error;
  }
  throw new Error("expected a redirect");
}

/** A browser's cookies for one origin: what Set-Cookie gave, sent back as Cookie. */
function cookieJar() {
  const jar = new Map<string, string>();
  return {
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(";");
        const [name, ...value] = pair.split("=");
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
        if (expired) jar.delete(name.trim());
        else jar.set(name.trim(), value.join("="));
      }
    },
    header: () => [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
  };
}

/** Entra ID's side: the stand-in's sign-in page, filled in as `person`; returns the portal callback URL. */
async function signInAtEntra(authorizeUrl: string, person: EntraTestPerson) {
  const jar = cookieJar();
  const step = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...init.headers, cookie: jar.header() } });
    jar.take(response);
    return response;
  };
  let response = await step(authorizeUrl);
  expect(response.status).toBe(303);
  const loginPage = new URL(response.headers.get("location")!, authorizeUrl);
  expect((await step(loginPage.href)).status).toBe(200);
  response = await step(`${loginPage.href}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: person.username }),
  });
  // The resume step, then the redirect to the portal with the code.
  for (let hops = 0; hops < 5 && response.status === 303; hops++) {
    const next = new URL(response.headers.get("location")!, authorizeUrl);
    if (next.origin === appOrigin()) return next;
    response = await step(next.href);
  }
  throw new Error(`Entra ID stand-in did not send ${person.username} back to the portal (${response.status})`);
}

/**
 * One whole sign-in: the sign-in page's Entra button (the action), Entra ID, and the portal's callback.
 * `session`: the session token this browser already has. Returns where the portal sends the browser
 * and the session it got, if any.
 */
async function signInAs(person: EntraTestPerson, { session }: { session?: string } = {}) {
  incoming.cookies.clear();
  if (session) incoming.cookies.set(sessionCookie, session);
  const authorizeUrl = await redirectOf(() => signInWithEntra());
  expect(authorizeUrl).toMatch(new RegExp(`^${process.env.ENTRA_TEST_URL}/common/oauth2/v2\\.0/authorize\\?`));
  const callback = await signInAtEntra(authorizeUrl, person);
  expect(callback.pathname).toBe("/api/auth/callback/microsoft-entra-id");
  const cookie = [...incoming.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await handlers.GET(new NextRequest(callback, { headers: { cookie } }));
  expect(response.status).toBe(302);
  const newSession = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0].split("="))
    .find(([name, value]) => name === sessionCookie && value)?.[1];
  return { location: response.headers.get("location")!, session: newSession };
}

const userOf = (person: EntraTestPerson) =>
  db.user.findFirst({
    where: { accounts: { some: { provider: "microsoft-entra-id", providerAccountId: entraAccountId(person) } } },
    include: { organization: { select: { name: true } }, accounts: true, sessions: true },
  });

const home = () => `${appOrigin()}/`;
const refused = (reason: string) => `${appOrigin()}/signin/refused?reason=${reason}`;

beforeEach(() => {
  incoming.headers = {};
  incoming.cookies.clear();
});

afterAll(async () => {
  await setEntraRoles(people.roleChangesIntegration.username, ["IncentiveAdmin"]);
  await db.entraTenant.deleteMany({ where: { tenantId: ENTRA_TEST_TENANTS.litware } });
  // The people this file created: other files count the demo organisations' users.
  await db.user.deleteMany({ where: { accounts: { some: { provider: "microsoft-entra-id" } } } });
  await db.$disconnect();
});

describe("an Entra ID sign-in that is let in", () => {
  it("creates a Contoso incentive admin on first sign-in: organisation from the tenant, role from the app role, linked by tenant and object ID, no tokens kept", async () => {
    const { location, session } = await signInAs(people.contosoAdmin);
    expect(location).toBe(home());
    const user = await userOf(people.contosoAdmin);
    expect(user).toMatchObject({ email: people.contosoAdmin.email, name: "Megan Bowen", role: "INCENTIVE_ADMIN", organization: { name: "Contoso" } });
    expect(user!.accounts).toEqual([
      expect.objectContaining({ provider: "microsoft-entra-id", providerAccountId: `${people.contosoAdmin.tid}/${people.contosoAdmin.oid}`, access_token: null, id_token: null, refresh_token: null }),
    ]);
    expect(user!.sessions.map((s) => s.sessionToken)).toContain(session);

    // The next sign-in finds the same user.
    const again = await signInAs(people.contosoAdmin);
    expect(again.location).toBe(home());
    expect((await userOf(people.contosoAdmin))!.id).toBe(user!.id);
  });

  it("takes a Fabrikam admin without an email claim by their sign-in name, in Fabrikam", async () => {
    expect((await signInAs(people.fabrikamAdmin)).location).toBe(home());
    expect(await userOf(people.fabrikamAdmin)).toMatchObject({ email: people.fabrikamAdmin.username, role: "INCENTIVE_ADMIN", organization: { name: "Fabrikam" } });
  });

  it("makes a Reviewer of Microsoft's tenant a reviewer, in no organisation", async () => {
    expect((await signInAs(people.reviewer)).location).toBe(home());
    expect(await userOf(people.reviewer)).toMatchObject({ role: "REVIEWER", organizationId: null });
  });
});

describe("an Entra ID sign-in that is refused", () => {
  it.each([
    ["from a tenant no organisation signs in from", people.unknownTenant, "unknown-tenant"],
    ["without an app role", people.noRole, "no-role"],
    ["with the Reviewer role from a partner's tenant", people.partnerReviewer, "reviewer-tenant"],
  ])("%s: the refusal page, no user, no session", async (_, person, reason) => {
    const { location, session } = await signInAs(person);
    expect(location).toBe(refused(reason));
    expect(session).toBeUndefined();
    expect(await userOf(person)).toBeNull();
    expect(await db.user.count({ where: { email: person.email ?? person.username } })).toBe(0);
  });

  it("whose email belongs to an email-link user: nothing is linked by email, the user is untouched", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin }, include: { accounts: true } });
    const { location, session } = await signInAs(people.sameEmail);
    expect(location).toBe(refused("not-linked"));
    expect(session).toBeUndefined();
    const after = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin }, include: { accounts: true } });
    expect(after).toEqual(before);
    expect(after.accounts).toEqual([]);
    expect(await userOf(people.sameEmail)).toBeNull();
  });
});

describe("between two Entra ID sign-ins", () => {
  it("a removed role refuses the next sign-in and ends every session of the user; a role assigned again lets them back in", async () => {
    const person = people.roleChangesIntegration;
    const first = await signInAs(person);
    const second = await signInAs(person);
    expect([first.location, second.location]).toEqual([home(), home()]);
    const user = await userOf(person);
    expect(user!.sessions).toHaveLength(2);

    await setEntraRoles(person.username, []);
    const removed = await signInAs(person);
    expect(removed).toEqual({ location: refused("role-removed"), session: undefined });
    // Both earlier sessions are gone: those browsers are signed out at their next request.
    expect(await db.session.count({ where: { userId: user!.id } })).toBe(0);

    await setEntraRoles(person.username, ["Reviewer"]);
    expect((await signInAs(person)).location).toBe(refused("role-removed"));

    await setEntraRoles(person.username, ["IncentiveAdmin"]);
    const back = await signInAs(person);
    expect(back.location).toBe(home());
    expect(await userOf(person)).toMatchObject({ id: user!.id, role: "INCENTIVE_ADMIN", organization: { name: "Contoso" } });
  });

  it("a tenant registered to an organisation lets its people in, and moving it moves them", async () => {
    const person = people.litwareAdmin;
    expect((await signInAs(person)).location).toBe(refused("unknown-tenant"));
    const [contoso, fabrikam] = await Promise.all(["Contoso", "Fabrikam"].map((name) => db.organization.findUniqueOrThrow({ where: { name } })));

    await db.entraTenant.create({ data: { tenantId: person.tid, organizationId: fabrikam.id } });
    const session = (await signInAs(person)).session;
    expect(await userOf(person)).toMatchObject({ organization: { name: "Fabrikam" } });

    await db.entraTenant.update({ where: { tenantId: person.tid }, data: { organizationId: contoso.id } });
    expect((await signInAs(person)).location).toBe(home());
    expect(await userOf(person)).toMatchObject({ organization: { name: "Contoso" } });

    await db.entraTenant.delete({ where: { tenantId: person.tid } });
    expect((await signInAs(person)).location).toBe(refused("unknown-tenant"));
    expect(await db.session.count({ where: { sessionToken: session } })).toBe(0);
  });
});

describe("accounts are never linked automatically", () => {
  it("an Entra ID sign-in in a browser signed in as someone else ends that session and links nothing to them", async () => {
    const emailUser = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.fabrikamAdmin } });
    const token = randomUUID();
    await db.session.create({ data: { sessionToken: token, userId: emailUser.id, expires: new Date(Date.now() + 3_600_000) } });
    const { location, session } = await signInAs(people.fabrikamAdmin, { session: token });
    expect(location).toBe(home());
    expect(session).not.toBe(token);
    expect(await db.session.count({ where: { sessionToken: token } })).toBe(0);
    expect(await db.account.count({ where: { userId: emailUser.id } })).toBe(0);
    expect((await userOf(people.fabrikamAdmin))!.id).not.toBe(emailUser.id);
  });

  it("a user who signs in with Entra ID gets no email link (an email-link user does)", async () => {
    await signInAs(people.contosoAdmin);
    await db.rateLimit.deleteMany({});
    const links = (to: string) => db.outboxMessage.count({ where: { kind: messageKinds.signInLink, payload: { path: ["to"], equals: to } } });
    const ask = async (email: string) => {
      incoming.headers = {};
      const form = new FormData();
      form.set("email", email);
      expect(await redirectOf(() => requestSignInLink(undefined, form))).toBe("/signin/check-email");
      await afterAnswer.run();
    };
    const emailUserLinks = await links(DEMO.users.reviewer);
    await ask(DEMO.users.reviewer);
    expect(await links(DEMO.users.reviewer)).toBe(emailUserLinks + 1);
    await ask(people.contosoAdmin.email!);
    expect(await links(people.contosoAdmin.email!)).toBe(0);
  });
});

describe("the stand-in's ID tokens", () => {
  /** The token responses the portal receives during one sign-in (its fetch, watched). */
  async function tokensDuring(person: EntraTestPerson) {
    const responses: Record<string, unknown>[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (...args) => {
      const response = await realFetch(...args);
      const url = args[0] instanceof Request ? args[0].url : String(args[0]);
      if (url.endsWith("/oauth2/v2.0/token")) responses.push(await response.clone().json());
      return response;
    });
    try {
      await signInAs(person);
    } finally {
      spy.mockRestore();
    }
    expect(responses).toHaveLength(1);
    const [header, payload] = String(responses[0].id_token).split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")));
    return { header, claims: payload as Record<string, unknown> };
  }

  it("are shaped like Entra ID's v2.0 ID tokens: RS256, the home tenant's issuer, tid, oid, a pairwise sub, roles when assigned", async () => {
    const { header, claims } = await tokensDuring(people.reviewer);
    expect(header).toMatchObject({ alg: "RS256", kid: expect.any(String) });
    expect(claims).toMatchObject({
      iss: `${process.env.ENTRA_TEST_URL}/${people.reviewer.tid}/v2.0`,
      aud: env().AUTH_MICROSOFT_ENTRA_ID_ID,
      ver: "2.0",
      tid: people.reviewer.tid,
      oid: people.reviewer.oid,
      name: "Adele Vance",
      preferred_username: people.reviewer.username,
      email: people.reviewer.email,
      roles: ["Reviewer"],
      nonce: expect.any(String),
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(claims.sub).toMatch(/^[\w-]{43}$/);
    expect(claims.sub).not.toBe(people.reviewer.oid);
  });

  it("leave out roles when none is assigned and email when the person has none", async () => {
    expect((await tokensDuring(people.noRole)).claims).not.toHaveProperty("roles");
    expect((await tokensDuring(people.fabrikamAdmin)).claims).not.toHaveProperty("email");
  });
});

describe("a token the portal cannot rely on", () => {
  const settings = () => env();
  const claims = (overrides: Record<string, unknown> = {}) => {
    const p = people.contosoAdmin;
    return { iss: `${process.env.ENTRA_TEST_URL}/${p.tid}/v2.0`, ver: "2.0", tid: p.tid, oid: p.oid, sub: "x", name: p.name, email: p.email, roles: ["IncentiveAdmin"], ...overrides };
  };
  const admit = (profile: Record<string, unknown>) =>
    admitEntraSignIn({ db, settings: settings(), profile, providerAccountId: entraAccountId({ tid: String(profile.tid), oid: String(profile.oid) }), browser: {} });

  it("is refused when its issuer is not its tenant's, it is not a v2.0 token, or it lacks the tenant or object ID", async () => {
    const other = ENTRA_TEST_TENANTS.fabrikam;
    expect(await admit(claims({ iss: `${process.env.ENTRA_TEST_URL}/${other}/v2.0` }))).toBe("/signin/refused?reason=invalid-token");
    expect(await admit(claims({ iss: `https://sts.windows.net/${people.contosoAdmin.tid}/` }))).toBe("/signin/refused?reason=invalid-token");
    expect(await admit(claims({ ver: "1.0" }))).toBe("/signin/refused?reason=invalid-token");
    expect(await admit(claims({ oid: undefined }))).toBe("/signin/refused?reason=invalid-token");
    expect(await admit(claims({ tid: "contoso" }))).toBe("/signin/refused?reason=invalid-token");
  });

  it("is accepted as it is when everything fits (the same claims as above)", async () => {
    expect(await admit(claims())).toBe(true);
  });
});
