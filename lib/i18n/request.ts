// next-intl request configuration: the locale and messages for each server render.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages, localeCookie, resolveLocale } from "./locales";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(localeCookie)?.value, headerStore.get("accept-language"));
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
