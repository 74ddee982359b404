"use client";
// The PoE files: a drop zone (drag or browse), uploads with progress (one request per file, the
// file itself as the body) listed as uploading until the server has the file, failed uploads with
// their error, the uploaded files with Download and Remove, and the template. It tells its page
// whether uploads are in progress, so the page's submit can wait for them. Pages that only show the
// files use PoeFileList, without the uploader's code.
import { useEffect, useState, useTransition } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, ArrowUpload24Regular } from "@fluentui/react-icons";
import { MAX_FILE_BYTES } from "@/lib/poe/vocabulary";
import { removePoeFileAction } from "@/lib/poe/actions";
import { useFileDrop } from "@/components/hooks/useFileDrop";
import { PoeFileList, type UploadedFile } from "./PoeFileList";
import type { Upload } from "./UploadRows";

export type { UploadedFile };

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
  meta: { color: tokens.colorNeutralForeground3 },
  column: { display: "flex", flexDirection: "column", gap: "12px" },
  template: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

// The rows of files being uploaded or failed: loaded with the first file chosen.
const UploadRows = dynamic(() => import("./UploadRows").then((m) => m.UploadRows));

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

  const { rootProps, inputProps, active: isDragActive, open } = useFileDrop({ onFiles: (chosen) => void upload(chosen), disabled: !editable });

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
          <div {...rootProps} className={mergeClasses(styles.zone, isDragActive && styles.active)} data-testid="poe-dropzone">
            <input {...inputProps} aria-label={t("browse")} />
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
      <PoeFileList
        claimId={claimId}
        files={[...files, ...current(uploads).flatMap((u) => (u.state === "stored" ? [u.file] : []))]}
        onRemove={editable ? remove : undefined}
        removing={removing}
        pending={current(uploads).some((u) => u.state !== "stored")}
      >
        {current(uploads).some((u) => u.state !== "stored") ? <UploadRows uploads={current(uploads)} onDismiss={dismiss} /> : null}
      </PoeFileList>
    </div>
  );
}
