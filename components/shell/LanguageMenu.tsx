"use client";
// The language menu itself, loaded on demand by LanguageSwitch: applies at once and sticks.
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import { LocalLanguage20Regular } from "@fluentui/react-icons";
import { setLocale } from "@/lib/i18n/actions";
import { locales } from "@/lib/i18n/locales";
import { useMenuHandOver } from "@/components/hooks/useOnDemand";

export type LanguageMenuProps = { appearance: "subtle" | "transparent"; className?: string; initiallyOpen?: boolean; autoFocus?: boolean };

export function LanguageMenu({ appearance, className, initiallyOpen = false, autoFocus = false }: LanguageMenuProps) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { open, onOpenChange, trigger } = useMenuHandOver({ initiallyOpen, autoFocus });
  return (
    <Menu
      open={open}
      onOpenChange={onOpenChange}
      checkedValues={{ locale: [locale] }}
      onCheckedValueChange={(_, { checkedItems }) =>
        startTransition(async () => {
          await setLocale(checkedItems[0]);
          router.refresh();
        })
      }
    >
      <MenuTrigger disableButtonEnhancement>
        <Button ref={trigger} appearance={appearance} className={className} icon={<LocalLanguage20Regular />} disabled={pending} aria-label={`${t("Shell.language")}: ${t(`Languages.${locale}`)}`}>
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
