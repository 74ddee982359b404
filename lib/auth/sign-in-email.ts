// The magic-link email, in the recipient's language.
import type { NodemailerConfig } from "next-auth/providers/nodemailer";
import { createTranslator } from "next-intl";
import { db } from "../db";
import { loadMessages, resolveLocale } from "../i18n/locales";
import { sendMail } from "../notify/mailer";

type Params = Parameters<NodemailerConfig["sendVerificationRequest"]>[0];

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function sendSignInLink({ identifier, url, expires }: Params) {
  const user = await db.user.findUnique({ where: { email: identifier.toLowerCase() }, select: { locale: true } });
  const locale = resolveLocale(user?.locale);
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "SignInEmail" });
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const lines = [t("greeting"), t("body", { minutes }), t("ignore")];
  await sendMail({
    to: identifier,
    subject: t("subject"),
    text: `${lines[0]}\n\n${lines[1]}\n${url}\n\n${lines[2]}\n`,
    html: `<!doctype html><html lang="${locale}"><body style="font-family:Segoe UI,Arial,sans-serif;color:#242424">
<p>${escape(lines[0])}</p><p>${escape(lines[1])}</p>
<p><a href="${escape(url)}" style="display:inline-block;background:#0f6cbd;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">${escape(t("button"))}</a></p>
<p style="color:#616161;font-size:12px">${escape(lines[2])}</p></body></html>`,
  });
}
