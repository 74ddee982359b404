"use client";
// The Draft's "Delete?" confirmation. Loaded when the partner first asks to delete, so a Draft's page
// does not download the dialog's code (and its focus trap) on every visit.
import { useTranslations } from "next-intl";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from "@fluentui/react-components";

export function DeleteDraftDialog({
  open,
  onOpenChange,
  name,
  onConfirm,
  pending,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  onConfirm: () => void;
  pending: boolean;
}) {
  const t = useTranslations("ClaimPage");
  return (
    <Dialog open={open} onOpenChange={(_, data) => onOpenChange(data.open)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("deleteTitle")}</DialogTitle>
          <DialogContent>{t("deleteBody", { name })}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t("deleteCancel")}</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={onConfirm} disabled={pending}>
              {t("deleteConfirm")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
