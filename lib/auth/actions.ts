"use server";
// Sign-in and sign-out actions of the sign-in page and the shell.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { answered, invalid, refused, unavailableAnswer, type Refused } from "../actions";
import { db } from "../db";
import { emailLinkEnabled, env } from "../env";
import { clientAddress } from "../request-meta";
import { ENTRA_PROVIDER } from "./entra";
import { checkEmailPath, signIn, signOut, startEmailSignIn } from "./index";
import { consumeSignInAllowance } from "./sign-in-limit";

const emailSchema = z.object({ email: z.email().trim().toLowerCase() });

/**
 * The email form's state: nothing yet, or a refusal (an ActionResult's failure; success leaves the page
 * for "check your email"). `emailLinkOff`: the email link is not offered; `tooManyRequests`: past the
 * limits, for `details.retryInMinutes`; `unavailable`: the database could not be reached (lib/actions.ts).
 */
export type SignInState = Refused<"emailLinkOff" | "tooManyRequests" | "unavailable", { retryInMinutes: number }> | undefined;

/**
 * Queues a magic link for a provisioned user. Every address gets the same answer, the "check your
 * email" page (or, past the rate limits, the same "try again later"), and only known ones get an email,
 * so the form does not tell who has an account.
 */
export async function requestSignInLink(_: SignInState, form: FormData): Promise<SignInState> {
  // AUTH_EMAIL_LINK=off: the page offers no email form, and a request sent anyway gets nothing.
  if (!emailLinkEnabled(env())) return refused("emailLinkOff");
  const parsed = emailSchema.safeParse({ email: form.get("email") });
  if (!parsed.success) return invalid({ email: "invalidEmail" });
  const { email } = parsed.data;
  const now = new Date();
  const address = clientAddress(await headers());
  const allowance = await answered(() => consumeSignInAllowance(db, { email, clientAddress: address, now }));
  if ("problem" in allowance) return unavailableAnswer;
  if (!allowance.ok) return refused("tooManyRequests", { details: { retryInMinutes: Math.max(1, Math.ceil((allowance.retryAfter.getTime() - now.getTime()) / 60_000)) } });
  // After the answer: Auth.js's signIn callback (lib/auth/index.ts) queues an email for a known address
  // and nothing for an unknown one, and neither its work nor its time shows in the answer.
  after(() => startEmailSignIn(email).catch((error: unknown) => console.error("sign-in link not queued", error)));
  redirect(checkEmailPath);
}

/** Starts Microsoft Entra ID sign-in: on to Entra ID's sign-in page (lib/auth/entra.ts decides on the way back). */
export async function signInWithEntra() {
  await signIn(ENTRA_PROVIDER, { redirectTo: "/" });
}

/** Ends the session (its row is deleted, so the cookie is worthless everywhere). */
export async function signOutAction() {
  await signOut({ redirectTo: "/signin" });
}
