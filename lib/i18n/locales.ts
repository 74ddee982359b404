// The portal's languages and how one is chosen (cookie, then the user's saved choice, then the browser).
export const locales = ["en", "ja"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const localeCookie = "NEXT_LOCALE";

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** Picks a supported locale from candidates (cookie value, saved preference, Accept-Language). */
export function resolveLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(",")) {
      const tag = part.split(";")[0].trim().toLowerCase().split("-")[0];
      if (isLocale(tag)) return tag;
    }
  }
  return defaultLocale;
}

export async function loadMessages(locale: Locale) {
  return (await import(`../../messages/${locale}.json`)).default;
}
