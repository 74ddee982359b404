"use server";
// Sign-in and sign-out actions of the sign-in page and the shell.
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "../db";
import { signIn, signOut } from "./index";

const emailSchema = z.object({ email: z.email().trim().toLowerCase() });

export type SignInState = { ok: false; fieldError?: "invalidEmail" } | undefined;

/**
 * Emails a magic link to a provisioned user. An unknown address gets the same "check your email"
 * page and no email, so the form does not tell who has an account.
 */
export async function requestSignInLink(_: SignInState, form: FormData): Promise<SignInState> {
  const parsed = emailSchema.safeParse({ email: form.get("email") });
  if (!parsed.success) return { ok: false, fieldError: "invalidEmail" };
  const known = (await db.user.count({ where: { email: parsed.data.email } })) > 0;
  if (!known) redirect("/signin/check-email");
  await signIn("nodemailer", { email: parsed.data.email, redirectTo: "/" });
}

/** Starts Microsoft Entra ID sign-in. */
export async function signInWithEntra() {
  await signIn("microsoft-entra-id", { redirectTo: "/" });
}

/** Ends the session (its row is deleted, so the cookie is worthless everywhere). */
export async function signOutAction() {
  await signOut({ redirectTo: "/signin" });
}
