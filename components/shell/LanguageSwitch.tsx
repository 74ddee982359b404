"use client";
// The language switch: a plain button until the user reaches for it, then the real menu
// (LanguageMenu), so no page downloads the menu's code before it is wanted.
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@fluentui/react-components";
import { LocalLanguage20Regular } from "@fluentui/react-icons";
import { useOnDemand } from "@/components/hooks/useOnDemand";

export function LanguageSwitch({ appearance = "subtle", className }: { appearance?: "subtle" | "transparent"; className?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const { loaded: LanguageMenu, start, handlers } = useOnDemand(() => import("./LanguageMenu").then((m) => m.LanguageMenu));
  if (LanguageMenu) return <LanguageMenu appearance={appearance} className={className} initiallyOpen={start.open} autoFocus={start.focus} />;
  return (
    <Button appearance={appearance} className={className} icon={<LocalLanguage20Regular />} aria-haspopup="menu" aria-expanded={false} aria-label={`${t("Shell.language")}: ${t(`Languages.${locale}`)}`} {...handlers}>
      {t(`Languages.${locale}`)}
    </Button>
  );
}
