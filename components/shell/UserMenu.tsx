"use client";
// The signed-in user's menu (who is signed in, Sign out), loaded on demand by the shell.
import type { ReactElement } from "react";
import { useTranslations } from "next-intl";
import { Button, Menu, MenuDivider, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import { SignOut20Regular } from "@fluentui/react-icons";
import { signOutAction } from "@/lib/auth/actions";
import { useMenuHandOver } from "@/components/hooks/useOnDemand";

export type UserMenuProps = { email: string; displayName: string; className?: string; icon: ReactElement; initiallyOpen?: boolean; autoFocus?: boolean };

export function UserMenu({ email, displayName, className, icon, initiallyOpen = false, autoFocus = false }: UserMenuProps) {
  const t = useTranslations("Shell");
  const { open, onOpenChange, trigger } = useMenuHandOver({ initiallyOpen, autoFocus });
  return (
    <Menu open={open} onOpenChange={onOpenChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={trigger} appearance="transparent" className={className} icon={icon}>
          {displayName}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroupHeader>{t("signedInAs", { email })}</MenuGroupHeader>
          <MenuDivider />
          <MenuItem icon={<SignOut20Regular />} onClick={() => void signOutAction()}>
            {t("signOut")}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
