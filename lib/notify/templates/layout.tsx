// The frame every portal email shares (React Email components): language, preview line, a plain
// readable column, and small building blocks (headings, paragraphs, link buttons, lists).
import type { Locale } from "../../i18n/locales";
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import type { ReactElement, ReactNode } from "react";


export const emailLocale = (value: string | null | undefined): Locale => (value?.toLowerCase().startsWith("ja") ? "ja" : "en");

const font = '"Segoe UI", "Yu Gothic UI", Meiryo, Arial, sans-serif';

export function EmailLayout({ locale, preview, children, footer }: { locale: Locale; preview: string; children: ReactNode; footer: ReactNode }) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f5f5f5", fontFamily: font, color: "#242424", margin: 0, padding: "16px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: 600, padding: "24px 28px", borderRadius: 4 }}>
          {children}
          <Hr style={{ borderColor: "#e0e0e0", margin: "24px 0 12px" }} />
          <Section>{footer}</Section>
        </Container>
      </Body>
    </Html>
  );
}

export const Title = ({ children }: { children: ReactNode }) => (
  <Heading as="h1" style={{ fontSize: 20, lineHeight: "28px", margin: "0 0 16px", fontWeight: 600 }}>
    {children}
  </Heading>
);

export const Subtitle = ({ children }: { children: ReactNode }) => (
  <Heading as="h2" style={{ fontSize: 16, lineHeight: "22px", margin: "20px 0 8px", fontWeight: 600 }}>
    {children}
  </Heading>
);

export const Para = ({ children, small }: { children: ReactNode; small?: boolean }) => (
  <Text style={{ fontSize: small ? 12 : 14, lineHeight: small ? "18px" : "22px", margin: "0 0 12px", color: small ? "#616161" : "#242424" }}>{children}</Text>
);

/** A list that reads well in HTML and in the plain-text part (one "- " line per item). */
export const Items = ({ items }: { items: ReactNode[] }) => (
  <ul style={{ fontSize: 14, lineHeight: "22px", margin: "0 0 12px", paddingLeft: 20 }}>
    {items.map((item, index) => (
      <li key={index}>{item}</li>
    ))}
  </ul>
);

/** A link styled as a button; the plain-text part shows it as "label [url]". */
export const LinkButton = ({ href, children, tone = "primary" }: { href: string; children: ReactNode; tone?: "primary" | "secondary" }) => (
  <Link
    href={href}
    style={{
      display: "inline-block",
      padding: "10px 18px",
      marginRight: 8,
      marginBottom: 8,
      borderRadius: 4,
      fontSize: 14,
      fontWeight: 600,
      textDecoration: "none",
      backgroundColor: tone === "primary" ? "#0f6cbd" : "#ffffff",
      color: tone === "primary" ? "#ffffff" : "#0f6cbd",
      border: "1px solid #0f6cbd",
    }}
  >
    {children}
  </Link>
);

export const formatDate = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(date);

/** The HTML and the plain-text part of an email (headings keep their case in the text). */
export async function renderEmail(element: ReactElement) {
  const keepCase = ["h1", "h2"].map((selector) => ({ selector, options: { uppercase: false } }));
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: { selectors: keepCase } })]);
  return { html, text };
}
