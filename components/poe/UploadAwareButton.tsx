"use client";
// A submit button of a page with PoE uploads: while a file is still uploading it stays focusable but
// unavailable, with the reason beside it, which the button names as its description.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { Button, makeStyles, mergeClasses, Text, tokens, type ButtonProps } from "@fluentui/react-components";
import { ArrowUpload20Regular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "12px" },
  reason: { display: "inline-flex", alignItems: "center", gap: "6px", color: tokens.colorNeutralForeground2 },
});

/** `className` styles the row of the button and its reason. */
export function UploadAwareButton({ uploading, className, ...button }: ButtonProps & { uploading: boolean }) {
  const styles = useStyles();
  const reasonId = useId();
  const t = useTranslations("Poe");
  return (
    <div className={mergeClasses(styles.actions, className)}>
      <Button {...button} disabledFocusable={uploading} aria-describedby={uploading ? reasonId : undefined} />
      {uploading ? (
        <Text id={reasonId} className={styles.reason} data-testid="wait-for-uploads">
          <ArrowUpload20Regular aria-hidden />
          {t("waitForUploads")}
        </Text>
      ) : null}
    </div>
  );
}
