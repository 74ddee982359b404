"use client";
// The Partner Center-like frame: top bar (product, organisation, language, user), left navigation, content.
import type { ReactNode } from "react";
import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useOnDemand } from "@/components/hooks/useOnDemand";
import { LanguageSwitch } from "./LanguageSwitch";

const useStyles = makeStyles({
  skip: {
    position: "absolute",
    left: "-10000px",
    ":focus": { left: "8px", top: "8px", zIndex: 100, padding: "8px", backgroundColor: tokens.colorNeutralBackground1 },
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: "16px",
    height: "48px",
    padding: "0 16px",
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, color: "inherit", textDecoration: "none" },
  product: { color: "inherit", opacity: 0.9 },
  spacer: { flexGrow: 1 },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
  headerButton: {
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ":hover:active": { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
  },
  initials: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "24px",
    height: "24px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorPaletteLightGreenBackground2,
    color: tokens.colorPaletteLightGreenForeground2,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { display: "flex", minHeight: "calc(100vh - 48px)" },
  nav: {
    width: "240px",
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "12px 0",
  },
  navHeading: { display: "block", padding: "8px 16px 4px", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: 0 },
  navList: { listStyle: "none", margin: 0, padding: 0 },
  navLink: {
    display: "block",
    padding: "8px 16px 8px 28px",
    color: tokens.colorNeutralForeground1,
    textDecoration: "none",
    borderLeft: "3px solid transparent",
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  navLinkActive: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground1Selected },
  main: { flexGrow: 1, padding: "24px 32px", minWidth: 0 },
});

export type ShellUser = { name: string | null; email: string; role: "INCENTIVE_ADMIN" | "REVIEWER"; organization: string | null };

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const styles = useStyles();
  const t = useTranslations("Shell");
  const pathname = usePathname();
  const sections =
    user.role === "REVIEWER"
      ? [
          {
            heading: t("review"),
            links: [
              { href: "/review", label: t("validationQueue") },
              { href: "/review/dashboard", label: t("reviewDashboard") },
              { href: "/review/jobs", label: t("reviewJobs") },
            ],
          },
        ]
      : [
          { heading: t("incentives"), links: [{ href: "/claims", label: t("customerClaims") }] },
          {
            heading: t("settings"),
            links: [
              { href: "/settings/tokens", label: t("apiTokens") },
              { href: "/settings/webhooks", label: t("webhooks") },
            ],
          },
        ];
  // The most specific link that holds the current page is the active one.
  const activeHref = sections
    .flatMap((section) => section.links.map((link) => link.href))
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  const displayName = user.name ?? user.email;
  const { loaded: UserMenu, start, handlers } = useOnDemand(() => import("./UserMenu").then((m) => m.UserMenu));
  const words = displayName.split(/[\s@.]+/).filter(Boolean);
  const letters = [words[0], words.length > 1 ? words[words.length - 1] : undefined].map((word) => word?.[0]?.toUpperCase() ?? "").join("");
  const initials = (
    <span className={styles.initials} aria-hidden>
      {letters}
    </span>
  );

  return (
    <>
      <a href="#main" className={styles.skip}>
        {t("skipToContent")}
      </a>
      <header className={styles.header}>
        <NextLink href="/" className={styles.brand}>
          {t("brand")}
        </NextLink>
        <Text className={styles.product}>{t("product")}</Text>
        <span className={styles.spacer} />
        <Text className={styles.onBrand} data-testid="shell-organization">
          {user.organization ?? t("microsoftReviewer")}
        </Text>
        <LanguageSwitch appearance="transparent" className={styles.headerButton} />
        {UserMenu ? (
          <UserMenu email={user.email} displayName={displayName} className={styles.headerButton} icon={initials} initiallyOpen={start.open} autoFocus={start.focus} />
        ) : (
          <Button appearance="transparent" className={styles.headerButton} icon={initials} aria-haspopup="menu" aria-expanded={false} {...handlers}>
            {displayName}
          </Button>
        )}
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label={t("navLabel")}>
          {sections.map((section) => (
            <div key={section.heading}>
              <h2 className={styles.navHeading}>{section.heading}</h2>
              <ul className={styles.navList}>
                {section.links.map((link) => {
                  const active = link.href === activeHref;
                  return (
                    <li key={link.href}>
                      <NextLink href={link.href} className={mergeClasses(styles.navLink, active && styles.navLinkActive)} aria-current={active ? "page" : undefined}>
                        {link.label}
                      </NextLink>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className={styles.main} tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
