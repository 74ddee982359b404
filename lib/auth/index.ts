// Auth.js: magic-link sign-in by email (through SMTP_URL) and Microsoft Entra ID, with database
// sessions so a sign-out or a removed user takes effect at once on every instance.
import NextAuth, { type NextAuthConfig } from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import Nodemailer from "next-auth/providers/nodemailer";
import { db } from "../db";
import { entraConfigured, env } from "../env";
import { sendSignInLink } from "./sign-in-email";

/**
 * Auth.js's Prisma adapter, except that deleting a session that is already gone is not an error:
 * a browser whose cookie names a signed-out or removed session must still be able to open a new
 * sign-in link (Auth.js deletes the old session first, and a throw there ended the sign-in at
 * /signin?error=Configuration after the link had been used up).
 */
function adapter(): Adapter {
  // The generated client (custom output) has the same delegates the adapter expects.
  const prisma = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...prisma,
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken } });
    },
  };
}

function config(): NextAuthConfig {
  const settings = env();
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({ server: settings.SMTP_URL, from: settings.MAIL_FROM, maxAge: 15 * 60, sendVerificationRequest: sendSignInLink }),
  ];
  if (entraConfigured(settings)) {
    providers.push(
      MicrosoftEntraID({
        clientId: settings.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: settings.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: settings.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
      }),
    );
  }
  return {
    adapter: adapter(),
    session: { strategy: "database", maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
    secret: settings.AUTH_SECRET,
    trustHost: true,
    providers,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      // Only people provisioned in the portal (partner admins, reviewers) may sign in.
      async signIn({ user, profile }) {
        const email = (user.email ?? profile?.email ?? "").toLowerCase();
        if (!email) return false;
        return (await db.user.count({ where: { email } })) > 0;
      },
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
