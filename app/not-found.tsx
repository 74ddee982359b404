import { getTranslations } from "next-intl/server";

// A plain link home: next/link here would be a client component every page loads up front for a page it rarely shows.
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <main style={{ padding: "48px", maxWidth: 640 }}>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load home is fine from here */}
      <a href="/">{t("home")}</a>
    </main>
  );
}
