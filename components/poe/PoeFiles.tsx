"use client";
// The PoE files: a drop zone (drag or browse), uploads with progress (one request per file, the
// file itself as the body) listed as uploading until the server has the file, failed uploads with
// their error, the uploaded files with Download and Remove, and the template. It tells its page
// whether uploads are in progress, so the page's submit can wait for them.
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useDropzone } from "react-dropzone";
import { useTranslations } from "next-intl";
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, ProgressBar, Spinner, Text, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, ArrowUpload24Regular, Delete20Regular, Dismiss20Regular, Document20Regular, ErrorCircle20Regular, Open20Regular } from "@fluentui/react-icons";
import { inlinePoeKinds, MAX_FILE_BYTES } from "@/lib/poe/vocabulary";
import { removePoeFileAction } from "@/lib/poe/actions";

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
  failed: { border: `1px solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteRedBackground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  column: { display: "flex", flexDirection: "column", gap: "12px" },
  template: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

export type UploadedFile = { id: string; fileName: string; kind: string; size: number; uploadedAt: string };
/**
 * One chosen file: uploading (progress is the share of the body sent; the server still has to store
 * it), failed (with the error's code), or stored (listed from the server's answer until the page's
 * refreshed list has it).
 */
type Upload = { key: string; name: string } & ({ state: "uploading"; progress: number } | { state: "failed"; code: string } | { state: "stored"; file: UploadedFile });

/** Sends one file as the request body and reports progress; resolves with the server's answer. */
function send(claimId: string, file: File, onProgress: (fraction: number) => void) {
  return new Promise<{ ok: true; file: UploadedFile } | { ok: false; code: string }>((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/claims/${encodeURIComponent(claimId)}/poe/files`);
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      let answer: { file?: UploadedFile; error?: string } = {};
      try {
        answer = JSON.parse(request.responseText) as typeof answer;
      } catch {}
      if (request.status === 201 && answer.file) return resolve({ ok: true, file: answer.file });
      resolve({ ok: false, code: answer.error ?? "network" });
    };
    request.onerror = () => resolve({ ok: false, code: "network" });
    request.send(file);
  });
}

export function PoeFiles({
  claimId,
  files,
  editable,
  onUploadingChange,
}: {
  claimId: string;
  files: UploadedFile[];
  editable: boolean;
  /** Told true while any chosen file is still being uploaded, false once all have an answer. */
  onUploadingChange?: (uploading: boolean) => void;
}) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  const tl = useTranslations("Languages");
  const te = useTranslations("Errors");
  const router = useRouter();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [removing, startRemoving] = useTransition();

  const listed = new Set(files.map((f) => f.id));
  // A stored file the refreshed list already has is shown from the list.
  const current = (list: Upload[]) => list.filter((u) => !(u.state === "stored" && listed.has(u.file.id)));
  const update = (key: string, next: Upload) => setUploads((list) => current(list).map((u) => (u.key === key ? next : u)));
  const uploading = uploads.some((u) => u.state === "uploading");
  useEffect(() => onUploadingChange?.(uploading), [onUploadingChange, uploading]);

  const upload = async (accepted: File[]) => {
    setProblems([]);
    // Every chosen file is listed at once; they are sent one after the other.
    const chosen = accepted.map((file) => ({ file, key: `${file.name}-${file.size}-${Math.random()}` }));
    setUploads((list) => [
      ...current(list),
      ...chosen.map(({ file, key }): Upload => (file.size > MAX_FILE_BYTES ? { key, name: file.name, state: "failed", code: "fileTooLarge" } : { key, name: file.name, state: "uploading", progress: 0 })),
    ]);
    for (const { file, key } of chosen) {
      if (file.size > MAX_FILE_BYTES) continue;
      const result = await send(claimId, file, (progress) => update(key, { key, name: file.name, state: "uploading", progress }));
      update(key, result.ok ? { key, name: file.name, state: "stored", file: result.file } : { key, name: file.name, state: "failed", code: result.code });
      router.refresh();
    }
  };
  const dismiss = (key: string) => setUploads((list) => current(list).filter((u) => u.key !== key));

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({ onDrop: (accepted) => void upload(accepted), noClick: true, multiple: true, disabled: !editable });

  const remove = (file: UploadedFile) =>
    startRemoving(async () => {
      setUploads((list) => current(list).filter((u) => !(u.state === "stored" && u.file.id === file.id)));
      const result = await removePoeFileAction(claimId, file.id);
      if (!result.ok) setProblems([result.problem === "unavailable" ? te("unavailable") : t(`fileErrors.${result.problem === "notEditable" ? "notEditable" : "notFound"}`, { name: file.fileName })]);
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
          <div {...getRootProps({ className: mergeClasses(styles.zone, isDragActive && styles.active) })} data-testid="poe-dropzone">
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
        {current(uploads).map((u) =>
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
              <Button appearance="subtle" icon={<Dismiss20Regular />} onClick={() => dismiss(u.key)} aria-label={t("dismissFailed", { name: u.name })}>
                {t("dismiss")}
              </Button>
            </li>
          ) : null,
        )}
        {[...files, ...current(uploads).flatMap((u) => (u.state === "stored" ? [u.file] : []))].map((file) => (
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
        {files.length === 0 && current(uploads).length === 0 ? (
          <li>
            <Text className={styles.meta}>{t("noFiles")}</Text>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
