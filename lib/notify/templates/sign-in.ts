// The magic-link email, in the recipient's language (texts in messages/*.json, SignInEmail).
import { createTranslator } from "next-intl";
import { loadMessages, type Locale } from "../../i18n/locales";

import { escapeHtml as escape } from "../../customer/html";

export async function signInEmail({ locale, url, minutes }: { locale: Locale; url: string; minutes: number }) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "SignInEmail" });
  const lines = [t("greeting"), t("body", { minutes }), t("ignore")];
  return {
    subject: t("subject"),
    text: `${lines[0]}\n\n${lines[1]}\n${url}\n\n${lines[2]}\n`,
    html: `<!doctype html><html lang="${locale}"><body style="font-family:Segoe UI,Arial,sans-serif;color:#242424">
<p>${escape(lines[0])}</p><p>${escape(lines[1])}</p>
<p><a href="${escape(url)}" style="display:inline-block;background:#0f6cbd;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">${escape(t("button"))}</a></p>
<p style="color:#616161;font-size:12px">${escape(lines[2])}</p></body></html>`,
  };
}
