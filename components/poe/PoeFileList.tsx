"use client";
// The PoE files as stored: name, kind, size and date, with Open (inline kinds), Download and, where the
// page allows it, Remove. Rows the uploader adds (uploads in progress, failed ones) come first, as children.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, Delete20Regular, Document20Regular, Open20Regular } from "@fluentui/react-icons";
import { inlinePoeKinds } from "@/lib/poe/vocabulary";

export type UploadedFile = { id: string; fileName: string; kind: string; size: number; uploadedAt: string };

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "8px" },
  item: { display: "flex", alignItems: "center", gap: "12px", padding: "8px 12px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  name: { flexGrow: 1, display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3 },
});

export function PoeFileList({
  claimId,
  files,
  onRemove,
  removing = false,
  pending = false,
  children,
}: {
  claimId: string;
  files: UploadedFile[];
  /** Offers Remove on each file when given. */
  onRemove?: (file: UploadedFile) => void;
  removing?: boolean;
  /** Rows of files not stored yet are shown (children): no "no files" line then. */
  pending?: boolean;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  return (
    <ul className={styles.list} aria-label={t("filesHeading")}>
      {children}
      {files.map((file) => (
        <li key={file.id} className={styles.item}>
          <Document20Regular aria-hidden />
          <div className={styles.name}>
            <Text weight="semibold">{file.fileName}</Text>
            <Text size={200} className={styles.meta}>
              {file.kind.toUpperCase()} · {t("fileSize", { size: Math.max(1, Math.round(file.size / 1024)) })} · {t("uploaded", { date: new Date(file.uploadedAt) })}
            </Text>
          </div>
          {inlinePoeKinds.has(file.kind) ? (
            <Button as="a" appearance="subtle" icon={<Open20Regular />} href={`/api/claims/${claimId}/poe/files/${file.id}?inline=1`} target="_blank" rel="noopener" aria-label={t("openFile", { name: file.fileName })}>
              {t("open")}
            </Button>
          ) : null}
          <Button as="a" appearance="subtle" icon={<ArrowDownload20Regular />} href={`/api/claims/${claimId}/poe/files/${file.id}`} aria-label={t("downloadFile", { name: file.fileName })}>
            {t("download")}
          </Button>
          {onRemove ? (
            <Button appearance="subtle" icon={<Delete20Regular />} disabled={removing} onClick={() => onRemove(file)} aria-label={t("removeFile", { name: file.fileName })}>
              {t("remove")}
            </Button>
          ) : null}
        </li>
      ))}
      {files.length === 0 && !pending ? (
        <li>
          <Text className={styles.meta}>{t("noFiles")}</Text>
        </li>
      ) : null}
    </ul>
  );
}
