"use client";
// Why a submit button of a page with PoE uploads is unavailable while a file is still uploading: the
// words beside the button, which the button names as its description.
import { useTranslations } from "next-intl";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowUpload20Regular } from "@fluentui/react-icons";

const useStyles = makeStyles({ reason: { display: "inline-flex", alignItems: "center", gap: "6px", color: tokens.colorNeutralForeground2 } });

export function WaitForUploads({ id }: { id: string }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  return (
    <Text id={id} className={styles.reason} data-testid="wait-for-uploads">
      <ArrowUpload20Regular aria-hidden />
      {t("waitForUploads")}
    </Text>
  );
}
