"use client";
// The language menu: applies at once and sticks (cookie, and the user's profile when signed in).
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import { LocalLanguage20Regular } from "@fluentui/react-icons";
import { setLocale } from "@/lib/i18n/actions";
import { locales } from "@/lib/i18n/locales";

export function LanguageSwitch({ appearance = "subtle", className }: { appearance?: "subtle" | "transparent"; className?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Menu
      checkedValues={{ locale: [locale] }}
      onCheckedValueChange={(_, { checkedItems }) =>
        startTransition(async () => {
          await setLocale(checkedItems[0]);
          router.refresh();
        })
      }
    >
      <MenuTrigger disableButtonEnhancement>
        <Button appearance={appearance} className={className} icon={<LocalLanguage20Regular />} disabled={pending} aria-label={`${t("Shell.language")}: ${t(`Languages.${locale}`)}`}>
          {t(`Languages.${locale}`)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {locales.map((value) => (
            <MenuItemRadio key={value} name="locale" value={value} lang={value}>
              {t(`Languages.${value}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
