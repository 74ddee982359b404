"use server";
// Switching the language: remembered in a cookie for this browser and on the user for emails.
import { cookies } from "next/headers";
import { answered, done, refused, type ActionResult } from "../actions";
import { db } from "../db";
import { loadViewer } from "../auth/session";
import { isLocale, localeCookie } from "./locales";

export async function setLocale(locale: string): Promise<ActionResult<undefined, "invalidRequest">> {
  if (!isLocale(locale)) return refused("invalidRequest");
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  // The cookie is what the pages use; the user's language (for emails) waits for the next switch when the
  // database cannot be reached.
  await answered(async () => {
    const viewer = await loadViewer();
    if (viewer) await db.user.update({ where: { id: viewer.id }, data: { locale } });
  });
  return done();
}
