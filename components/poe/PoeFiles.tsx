"use client";
// The PoE files: a drop zone (drag or browse), uploads with progress (one request per file, the
// file itself as the body), the uploaded files with Download and Remove, and the template.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useDropzone } from "react-dropzone";
import { useTranslations } from "next-intl";
import { Button, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, ArrowUpload24Regular, Delete20Regular, Document20Regular, Open20Regular } from "@fluentui/react-icons";
import { inlinePoeKinds } from "@/lib/poe/schemas";
import { removePoeFileAction } from "@/lib/poe/actions";
import { MAX_FILE_BYTES } from "@/lib/poe/schemas";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: "8px",
    padding: "28px 16px",
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    cursor: "pointer",
    textAlign: "center",
    ":focus-visible": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2, outlineOffset: "2px" },
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "8px" },
  item: { display: "flex", alignItems: "center", gap: "12px", padding: "8px 12px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  name: { flexGrow: 1, display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3 },
  column: { display: "flex", flexDirection: "column", gap: "12px" },
  template: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

export type UploadedFile = { id: string; fileName: string; kind: string; size: number; uploadedAt: string };
type Upload = { key: string; name: string; progress: number };

/** Sends one file as the request body and reports progress; resolves with the server's answer. */
function send(claimId: string, file: File, onProgress: (fraction: number) => void) {
  return new Promise<{ ok: true } | { ok: false; code: string }>((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/claims/${encodeURIComponent(claimId)}/poe/files`);
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      if (request.status === 201) return resolve({ ok: true });
      let code = "network";
      try {
        code = (JSON.parse(request.responseText) as { error?: string }).error ?? code;
      } catch {}
      resolve({ ok: false, code });
    };
    request.onerror = () => resolve({ ok: false, code: "network" });
    request.send(file);
  });
}

export function PoeFiles({ claimId, files, editable }: { claimId: string; files: UploadedFile[]; editable: boolean }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  const tl = useTranslations("Languages");
  const router = useRouter();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [removing, startRemoving] = useTransition();

  const upload = async (accepted: File[]) => {
    setProblems([]);
    for (const file of accepted) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      if (file.size > MAX_FILE_BYTES) {
        setProblems((list) => [...list, t("fileErrors.fileTooLarge", { name: file.name })]);
        continue;
      }
      setUploads((list) => [...list, { key, name: file.name, progress: 0 }]);
      const result = await send(claimId, file, (progress) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, progress } : u))));
      setUploads((list) => list.filter((u) => u.key !== key));
      if (!result.ok) {
        const code = t.has(`fileErrors.${result.code}`) ? result.code : "network";
        setProblems((list) => [...list, t(`fileErrors.${code}`, { name: file.name })]);
      }
      router.refresh();
    }
  };

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({ onDrop: (accepted) => void upload(accepted), noClick: true, multiple: true, disabled: !editable });

  const remove = (file: UploadedFile) =>
    startRemoving(async () => {
      const result = await removePoeFileAction(claimId, file.id);
      if (!result.ok) setProblems([t(`fileErrors.${result.problem === "notEditable" ? "notEditable" : "notFound"}`, { name: file.fileName })]);
      router.refresh();
    });

  return (
    <div className={styles.column}>
      {editable ? (
        <>
          <div className={styles.template}>
            <Text>{t("templateHint")}</Text>
            {(["en", "ja"] as const).map((locale) => (
              <Button key={locale} as="a" href={`/api/claims/${claimId}/poe/template?locale=${locale}`} icon={<ArrowDownload20Regular />} lang={locale}>
                {t("downloadTemplateIn", { language: tl(locale) })}
              </Button>
            ))}
          </div>
          <div {...getRootProps({ className: `${styles.zone} ${isDragActive ? styles.active : ""}` })} data-testid="poe-dropzone">
            <input {...getInputProps({ "aria-label": t("browse") })} />
            <ArrowUpload24Regular aria-hidden />
            <Text weight="semibold">{isDragActive ? t("dropzoneActive") : t("dropzone")}</Text>
            <Text size={200} className={styles.meta}>
              {t("filesHint")}
            </Text>
            <Button onClick={open}>{t("browse")}</Button>
          </div>
        </>
      ) : null}
      {problems.length > 0 ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            {problems.map((problem) => (
              <div key={problem}>{problem}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <ul className={styles.list} aria-label={t("filesHeading")}>
        {uploads.map((u) => (
          <li key={u.key} className={styles.item}>
            <Document20Regular aria-hidden />
            <div className={styles.name}>
              <Text>{t("uploading", { name: u.name })}</Text>
              <ProgressBar value={u.progress} max={1} aria-label={t("uploading", { name: u.name })} />
            </div>
          </li>
        ))}
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
            {editable ? (
              <Button appearance="subtle" icon={<Delete20Regular />} disabled={removing} onClick={() => remove(file)} aria-label={t("removeFile", { name: file.fileName })}>
                {t("remove")}
              </Button>
            ) : null}
          </li>
        ))}
        {files.length === 0 && uploads.length === 0 ? (
          <li>
            <Text className={styles.meta}>{t("noFiles")}</Text>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
