"use client";
// A secondary Save button with the "Saved." confirmation announced to screen readers.
import { useTranslations } from "next-intl";
import { Button, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({ bar: { display: "flex", gap: "12px", alignItems: "center" } });

export function SaveBar({ label, pending, saved }: { label: string; pending: boolean; saved: boolean }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  return (
    <div className={styles.bar}>
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
      {saved ? <span role="status">{t("saved")}</span> : null}
    </div>
  );
}
