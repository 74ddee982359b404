// Auth.js: Microsoft Entra ID (lib/auth/entra.ts) and, where AUTH_EMAIL_LINK allows it, magic-link
// sign-in by email (queued in the outbox), with database sessions so a sign-out or a removed user takes
// effect at once on every instance. Every link and redirect it makes points at APP_URL, whatever host
// the request names.
import type { NextRequest } from "next/server";
import { Auth, raw, setEnvDefaults, skipCSRFCheck } from "@auth/core";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import Nodemailer from "next-auth/providers/nodemailer";
import { cookies } from "next/headers";
import { db } from "../db";
import { emailLinkEnabled, entraConfigured, env, pinAuthUrl } from "../env";
import { localeCookie } from "../i18n/locales";
import { admitEntraSignIn, ENTRA_PROVIDER, entraProvider } from "./entra";
import { sessionCookieValue } from "./session-cookie";
import { queueSignInLink } from "./sign-in-email";
import { recordSessionLookupFailure } from "./session-lookup";
import { viewerSelect, type ViewerRow } from "./viewer-select";

const SESSION_SECONDS = 8 * 60 * 60;

/** Where the sign-in form sends everyone who asked for a link, known address or not. */
export const checkEmailPath = "/signin/check-email";

/**
 * Auth.js's Prisma adapter, except that deleting a session that is already gone is not an error:
 * a browser whose cookie names a signed-out or removed session must still be able to open a new
 * sign-in link (Auth.js deletes the old session first, and a throw there ended the sign-in at
 * /signin?error=Configuration after the link had been used up). A failure to read or extend a
 * session is recorded for `lookUpSession`, since Auth.js itself reports it as no session.
 */
function adapter(): Adapter {
  // The generated client (custom output) has the same delegates the adapter expects.
  const prisma = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  const recorded =
    <A extends unknown[], R>(method: (...args: A) => R | PromiseLike<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(...args);
      } catch (error) {
        recordSessionLookupFailure(error);
        throw error;
      }
    };
  return {
    ...prisma,
    // The session, its user and what every request needs of them (the viewer: role, organisation and
    // its PartnerIDs) in one query; the session callback hands the viewer on to `loadViewer`.
    getSessionAndUser: recorded(async (sessionToken: string) => {
      const row = await db.session.findUnique({ where: { sessionToken }, include: { user: { include: { organization: viewerSelect.organization } } } });
      if (!row) return null;
      const { user, ...session } = row;
      return { session, user };
    }),
    updateSession: recorded(prisma.updateSession!),
    deleteSession: recorded(async (sessionToken: string) => {
      await db.session.deleteMany({ where: { sessionToken } });
    }),
  };
}

function config(): NextAuthConfig {
  const settings = env();
  // Runs before Auth.js builds any URL (the config is lazy): links and redirects use APP_URL, not the
  // request's X-Forwarded-Host.
  pinAuthUrl(settings);
  const appOrigin = new URL(settings.APP_URL).origin;
  const providers: NextAuthConfig["providers"] = [];
  if (entraConfigured(settings)) providers.push(entraProvider(settings));
  // Off, the provider is gone: links already sent stop working too.
  if (emailLinkEnabled(settings)) {
    providers.push(Nodemailer({ server: settings.SMTP_URL, from: settings.MAIL_FROM, maxAge: 15 * 60, sendVerificationRequest: queueSignInLink }));
  }
  return {
    adapter: adapter(),
    // Eight hours from sign-in, never extended by activity: access an Entra ID role no longer grants
    // ends at the latest one working day after it was removed, even for someone who never signs in again.
    session: { strategy: "database", maxAge: SESSION_SECONDS, updateAge: SESSION_SECONDS },
    secret: settings.AUTH_SECRET,
    basePath: "/api/auth",
    // The host comes from AUTH_URL (pinned above), never from the request's headers.
    trustHost: true,
    providers,
    pages: { signIn: "/signin", verifyRequest: checkEmailPath, error: "/signin" },
    callbacks: {
      async signIn({ user, account, profile, email: emailRequest }) {
        if (account?.provider === ENTRA_PROVIDER) {
          const store = await cookies();
          return admitEntraSignIn({
            db,
            settings,
            profile,
            providerAccountId: account.providerAccountId,
            browser: { sessionToken: await sessionCookieValue(), locale: store.get(localeCookie)?.value },
          });
        }
        // By email, only people provisioned in the portal (partner admins, reviewers) who do not sign in
        // with Entra ID (there, Entra decides). An unknown address asking for a link is sent where a known
        // one is, with no link and no error, so the answer does not tell who has an account.
        const email = (user.email ?? "").toLowerCase();
        const known = email !== "" && (await db.user.count({ where: { email, accounts: { none: { provider: ENTRA_PROVIDER } } } })) > 0;
        if (emailRequest?.verificationRequest && !known) return checkEmailPath;
        return known;
      },
      // After sign-in or sign-out: a path of the portal, or a URL on APP_URL; anything else goes home.
      redirect({ url }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${appOrigin}${url}`;
        try {
          if (new URL(url).origin === appOrigin) return url;
        } catch {
          // not a URL: home
        }
        return appOrigin;
      },
      session({ session, user }) {
        session.user.id = user.id;
        const row = user as unknown as ViewerRow;
        const viewer: ViewerRow = { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, organization: row.organization };
        return Object.assign(session, { viewer });
      },
    },
  };
}

const nextAuth = NextAuth(() => config());

export const { auth, signIn, signOut } = nextAuth;

/**
 * Asks Auth.js for an email sign-in link to `email`, as its own sign-in route would, from a request
 * made here on APP_URL: no header of the visitor's request reaches it. The sign-in form runs this
 * after its answer has gone out, so known and unknown addresses get the same answer in the same time.
 */
export async function startEmailSignIn(email: string) {
  const settings = config();
  // Auth.js fills its defaults from the AUTH_* variables (AUTH_URL as pinAuthUrl set it), as next-auth's own signIn does.
  // eslint-disable-next-line no-restricted-properties
  setEnvDefaults(process.env, settings, true);
  const request = new Request(`${new URL(env().APP_URL).origin}${settings.basePath}/signin/nodemailer`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, callbackUrl: "/" }),
  });
  await Auth(request, { ...settings, raw, skipCSRFCheck });
}

/**
 * The Auth.js routes (app/api/auth), except starting an email sign-in: only the sign-in form's action
 * does that, with its rate limits and its one answer for every address.
 */
export const handlers = {
  GET: nextAuth.handlers.GET,
  POST: (request: NextRequest) => (new URL(request.url).pathname.endsWith("/signin/nodemailer") ? new Response(null, { status: 404 }) : nextAuth.handlers.POST(request)),
};
