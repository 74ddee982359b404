"use client";
// The Partner Center-like frame: top bar (product, organisation, language, user), left navigation, content.
import type { ReactNode } from "react";
import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Avatar, makeStyles, Menu, MenuDivider, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger, Text, tokens, Button } from "@fluentui/react-components";
import { SignOut20Regular } from "@fluentui/react-icons";
import { signOutAction } from "@/lib/auth/actions";
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
      ? [{ heading: t("review"), links: [{ href: "/review", label: t("validationQueue") }] }]
      : [{ heading: t("incentives"), links: [{ href: "/claims", label: t("customerClaims") }] }];
  const displayName = user.name ?? user.email;

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
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="transparent" className={styles.headerButton} icon={<Avatar name={displayName} size={24} color="colorful" aria-hidden />}>
              {displayName}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroupHeader>{t("signedInAs", { email: user.email })}</MenuGroupHeader>
              <MenuDivider />
              <MenuItem icon={<SignOut20Regular />} onClick={() => void signOutAction()}>
                {t("signOut")}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label={t("navLabel")}>
          {sections.map((section) => (
            <div key={section.heading}>
              <h2 className={styles.navHeading}>{section.heading}</h2>
              <ul className={styles.navList}>
                {section.links.map((link) => {
                  const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
                  return (
                    <li key={link.href}>
                      <NextLink href={link.href} className={`${styles.navLink} ${active ? styles.navLinkActive : ""}`} aria-current={active ? "page" : undefined}>
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
