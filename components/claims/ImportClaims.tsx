"use client";
// "Import from CSV": the template, the file, the preview (each row with its errors by column and the
// collision warnings), then the import with its progress as the server streams each row's outcome, and
// the result file with a status column. The file stays in the browser between the preview and the
// import: the server keeps nothing between the two requests.
import { useRef, useState } from "react";
import NextLink from "next/link";
import { useLocale, useTranslations } from "next-intl";
import {
  Badge,
  Button,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, ArrowUpload20Regular } from "@fluentui/react-icons";
import { useHydrated } from "@/components/hooks/useHydrated";
import { columnHeader, columnOfField, IMPORT_ERROR_PREFIX, IMPORT_MAX_BYTES, importColumns, importResultCsv, readImportFile, type ImportOutcome, type ImportPreview, type PreviewRow } from "@/lib/claims/import-file";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: "16px", maxWidth: "1100px" },
  actions: { display: "flex", gap: "12px", alignItems: "center", flexWrap: "wrap" },
  tableWrap: { overflowX: "auto" },
  list: { margin: 0, paddingInlineStart: "18px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  link: { color: tokens.colorBrandForegroundLink },
  field: { display: "flex", flexDirection: "column", gap: "4px", alignItems: "flex-start" },
  hint: { color: tokens.colorNeutralForeground2 },
});

type Problem = { problem: string; [key: string]: unknown };
type Phase = "choose" | "checking" | "preview" | "importing" | "done";

export function ImportClaims() {
  const styles = useStyles();
  const t = useTranslations("ClaimImport");
  const tr = useTranslations();
  const locale = useLocale();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>("choose");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");
  const [importId, setImportId] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [rows, setRows] = useState<PreviewRow[]>([]);
  const [outcomes, setOutcomes] = useState<Map<number, ImportOutcome>>(new Map());
  const [total, setTotal] = useState(0);

  const fieldMessage = (field: string, key: string) => {
    const column = columnOfField(field);
    const message = key.startsWith(IMPORT_ERROR_PREFIX)
      ? t(`fieldErrors.${key.slice(IMPORT_ERROR_PREFIX.length)}`, { options: importColumns.find((c) => c.field === column)?.options?.join(", ") ?? "" })
      : tr.has(`Validation.${key}`)
        ? tr(`Validation.${key}`)
        : tr("Validation.invalidRequest");
    return t("fieldError", { column: columnHeader(column, locale), message });
  };
  const problemMessage = (p: Problem) => {
    const values = { ...p, columns: Array.isArray(p.columns) ? p.columns.join(", ") : "", maxMb: IMPORT_MAX_BYTES / 1024 / 1024 } as Record<string, string | number>;
    return t.has(`problems.${p.problem}`) ? t(`problems.${p.problem}`, values) : tr("Wizard.genericError");
  };

  const reset = () => {
    setProblem(null);
    setRows([]);
    setOutcomes(new Map());
    setTotal(0);
  };

  const post = (url: string, body: string) => fetch(url, { method: "POST", body, headers: { "content-type": "text/csv; charset=utf-8" } });

  async function choose(file: File | undefined) {
    reset();
    if (!file) return;
    setFileName(file.name);
    if (file.size > IMPORT_MAX_BYTES) {
      setProblem({ problem: "tooLarge" });
      setPhase("choose");
      return;
    }
    setPhase("checking");
    try {
      const content = await file.text();
      setText(content);
      setImportId(crypto.randomUUID());
      const response = await post("/api/claims/import/preview", content);
      const preview = (await response.json().catch(() => null)) as ImportPreview | Problem | null;
      if (!preview || !("ok" in preview) || preview.ok !== true) {
        setProblem(preview && "problem" in preview ? (preview as Problem) : { problem: "failed" });
        setPhase("choose");
        return;
      }
      setRows((preview as Extract<ImportPreview, { ok: true }>).rows);
      setPhase("preview");
    } catch {
      setProblem({ problem: "failed" });
      setPhase("choose");
    }
  }

  async function confirm() {
    setPhase("importing");
    const seen = new Map<number, ImportOutcome>();
    try {
      const response = await post(`/api/claims/import?id=${importId}`, text);
      if (!response.ok || !response.body) {
        const answer = (await response.json().catch(() => null)) as Problem | null;
        setProblem(answer?.problem ? answer : { problem: "failed" });
        setPhase("preview");
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      let finished = false;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as { total?: number; done?: boolean; problem?: string } & Partial<ImportOutcome>;
          if (message.total !== undefined) setTotal(message.total);
          else if (message.done !== undefined) {
            finished = message.done;
            if (!message.done) setProblem({ problem: message.problem ?? "interrupted" });
          } else if (message.line !== undefined) {
            seen.set(message.line, message as ImportOutcome);
            setOutcomes(new Map(seen));
          }
        }
      }
      if (!finished) setProblem((p) => p ?? { problem: "interrupted" });
    } catch {
      setProblem({ problem: "interrupted" });
    }
    setPhase("done");
  }

  function downloadResult() {
    const file = readImportFile(text);
    if (!file.ok) return;
    const csv = importResultCsv(file.headers, file.rows, [...outcomes.values()], fieldMessage);
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName.replace(/\.csv$/i, "") || "claims"}-result.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  const valid = rows.filter((r) => Object.keys(r.fieldErrors).length === 0).length;
  const created = [...outcomes.values()].filter((o) => o.status === "created").length;
  const failed = [...outcomes.values()].filter((o) => o.status === "failed").length;

  const rowResult = (row: PreviewRow) => {
    const outcome = outcomes.get(row.line);
    if (outcome?.status === "created")
      return (
        <Badge appearance="tint" color="success">
          {t("created")}
        </Badge>
      );
    const errors = outcome?.status === "failed" ? outcome.fieldErrors : row.fieldErrors;
    const entries = Object.entries(errors);
    return (
      <>
        {entries.length > 0 ? (
          <ul className={styles.list}>
            {entries.map(([field, key]) => (
              <li key={field} className={styles.error}>
                {fieldMessage(field, key)}
              </li>
            ))}
          </ul>
        ) : outcome?.status === "failed" ? (
          <Text className={styles.error}>{t(`rowProblems.${outcome.problem ?? "notCreated"}`)}</Text>
        ) : phase === "done" || phase === "importing" ? null : (
          <Badge appearance="tint" color="brand">
            {t("ready")}
          </Badge>
        )}
        {entries.length === 0 && row.warnings.length > 0 ? (
          <ul className={styles.list}>
            {row.warnings.map((w) => (
              <li key={`${w.item}-${w.kind}`} className={styles.warning}>
                {t(`warnings.${w.kind}`, { item: w.item })}
              </li>
            ))}
          </ul>
        ) : null}
      </>
    );
  };

  return (
    <div data-ready={hydrated || undefined} className={styles.body}>
      <Text>{t("howTo", { max: 500 })}</Text>
      <div className={styles.actions}>
        <Button as="a" href="/claims/import/template" icon={<ArrowDownload20Regular />}>
          {t("template")}
        </Button>
        <NextLink href="/claims" className={styles.link}>
          {t("backToClaims")}
        </NextLink>
      </div>
      <div className={styles.field}>
        <Label htmlFor="claims-import-file" weight="semibold">
          {t("fileLabel")}
        </Label>
        <input
          ref={input}
          id="claims-import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="claims-import-file-hint"
          disabled={phase === "checking" || phase === "importing"}
          onChange={(event) => {
            void choose(event.target.files?.[0]);
          }}
        />
        <Text id="claims-import-file-hint" size={200} className={styles.hint}>
          {t("fileHint", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 })}
        </Text>
      </div>
      {phase === "checking" ? <ProgressBar aria-label={t("checking")} /> : null}
      {problem ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problemMessage(problem)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {rows.length > 0 ? (
        <>
          <Text weight="semibold" role="status">
            {phase === "preview" ? t("summary", { valid, invalid: rows.length - valid }) : phase === "importing" ? t("progress", { done: outcomes.size, total: total || valid }) : t("result", { created, failed: failed + (rows.length - outcomes.size) })}
          </Text>
          {phase === "importing" || phase === "done" ? <ProgressBar aria-label={t("progressLabel")} value={(total || rows.length) > 0 ? outcomes.size / (total || rows.length) : 0} /> : null}
          <div className={styles.actions}>
            {phase === "preview" ? (
              <Button appearance="primary" icon={<ArrowUpload20Regular />} disabled={valid === 0} onClick={() => void confirm()}>
                {t("confirm", { count: valid })}
              </Button>
            ) : null}
            {phase === "done" ? (
              <>
                <Button icon={<ArrowDownload20Regular />} onClick={downloadResult}>
                  {t("downloadResult")}
                </Button>
                <Button as="a" href="/claims" appearance="primary">
                  {t("openClaims")}
                </Button>
              </>
            ) : null}
          </div>
          <div className={styles.tableWrap}>
            <Table aria-label={t("tableLabel")} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("columns.row")}</TableHeaderCell>
                  <TableHeaderCell>{t("columns.name")}</TableHeaderCell>
                  <TableHeaderCell>{t("columns.tenant")}</TableHeaderCell>
                  <TableHeaderCell>{t("columns.result")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.line} data-row={row.line}>
                    <TableCell>{row.line}</TableCell>
                    <TableCell>{row.name}</TableCell>
                    <TableCell>
                      <span className={styles.mono}>{row.tenantId}</span>
                    </TableCell>
                    <TableCell>{rowResult(row)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
    </div>
  );
}
