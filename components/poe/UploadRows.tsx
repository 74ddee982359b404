"use client";
// The rows of the files being uploaded (progress until the server has stored the file) or whose upload
// failed (with the error and Dismiss). Its own module: the uploader loads it with the first file chosen.
import { useTranslations } from "next-intl";
import { Button, makeStyles, mergeClasses, ProgressBar, Spinner, Text, tokens } from "@fluentui/react-components";
import { Dismiss20Regular, ErrorCircle20Regular } from "@fluentui/react-icons";
import type { UploadedFile } from "./PoeFileList";

/**
 * One chosen file: uploading (progress is the share of the body sent; the server still has to store
 * it), failed (with the error's code), or stored (listed from the server's answer until the page's
 * refreshed list has it).
 */
export type Upload = { key: string; name: string } & ({ state: "uploading"; progress: number } | { state: "failed"; code: string } | { state: "stored"; file: UploadedFile });

const useStyles = makeStyles({
  item: { display: "flex", alignItems: "center", gap: "12px", padding: "8px 12px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  name: { flexGrow: 1, display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3 },
  failed: { border: `1px solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteRedBackground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function UploadRows({ uploads, onDismiss }: { uploads: Upload[]; onDismiss: (key: string) => void }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  return (
    <>
      {uploads.map((u) =>
        u.state === "uploading" ? (
          <li key={u.key} className={styles.item} data-testid="poe-upload">
            <Spinner size="tiny" aria-hidden />
            <div className={styles.name}>
              <Text weight="semibold">{u.name}</Text>
              <Text size={200} className={styles.meta}>
                {t("uploadingStatus")}
              </Text>
              {/* Once the body is sent the server is still storing the file: no more measured progress. */}
              <ProgressBar value={u.progress < 1 ? u.progress : undefined} max={1} aria-label={t("uploading", { name: u.name })} />
            </div>
          </li>
        ) : u.state === "failed" ? (
          // A new key for the failed row: its alert is announced when it appears.
          <li key={`${u.key}-failed`} className={mergeClasses(styles.item, styles.failed)} data-testid="poe-upload">
            <ErrorCircle20Regular aria-hidden className={styles.error} />
            <div className={styles.name} role="alert">
              <Text weight="semibold">{u.name}</Text>
              <Text size={200} className={styles.error}>
                {t("uploadFailed")} {t(`fileErrors.${t.has(`fileErrors.${u.code}`) ? u.code : "network"}`, { name: u.name })}
              </Text>
            </div>
            <Button appearance="subtle" icon={<Dismiss20Regular />} onClick={() => onDismiss(u.key)} aria-label={t("dismissFailed", { name: u.name })}>
              {t("dismiss")}
            </Button>
          </li>
        ) : null,
      )}
    </>
  );
}
