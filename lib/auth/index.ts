// Auth.js: magic-link sign-in by email (through SMTP_URL) and Microsoft Entra ID, with database
// sessions so a sign-out or a removed user takes effect at once on every instance.
import NextAuth, { type NextAuthConfig } from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import Nodemailer from "next-auth/providers/nodemailer";
import { db } from "../db";
import { entraConfigured, env } from "../env";
import { sendSignInLink } from "./sign-in-email";

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
    // The generated client (custom output) has the same delegates the adapter expects.
    adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
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
