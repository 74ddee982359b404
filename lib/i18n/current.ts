// The language of the request being served, or undefined when there is no request (scripts, tests).
import { getLocale } from "next-intl/server";

export async function currentLocale(): Promise<string | undefined> {
  try {
    return await getLocale();
  } catch {
    return undefined;
  }
}
