// The email a customer contact asked for at /c: one single-use link to the page listing every request
// that names them. Texts in messages/*.json, CustomerEmail.session.
import { createTranslator } from "next-intl";
import type { ReactElement } from "react";
import { loadMessages, type Locale } from "../../i18n/locales";
import { EmailLayout, LinkButton, Para, Title } from "./layout";

/** The email's subject and body, in the language the contact asked in. */
export async function customerSessionEmail({ locale, url, minutes }: { locale: Locale; url: string; minutes: number }): Promise<{ subject: string; body: ReactElement }> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "CustomerEmail.session" });
  const body = (
    <EmailLayout locale={locale} preview={t("preview")} footer={<Para small>{t("footer")}</Para>}>
      <Title>{t("title")}</Title>
      <Para>{t("intro")}</Para>
      <Para>
        <LinkButton href={url}>{t("button")}</LinkButton>
      </Para>
      <Para small>{t("note", { minutes })}</Para>
    </EmailLayout>
  );
  return { subject: t("subject"), body };
}
