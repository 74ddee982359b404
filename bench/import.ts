// The claims import through the portal: a 500-row file (Modern Work and Security rows, each on a tenant
// of its own) checked by the preview route, then imported by the import route as the page does it,
// reading the streamed outcomes to the last. Times both against the target.
import { randomUUID } from "node:crypto";
import { CSV_BOM, csvRecord } from "../lib/csv";
import { importColumns, IMPORT_MAX_ROWS } from "../lib/claims/import-file";

/** The target: the whole 500-row import (preview, then import) within this many seconds. */
export const IMPORT_TARGET_S = 10;

export function importBenchFile(rows = IMPORT_MAX_ROWS) {
  const tag = `Bench import ${randomUUID().slice(0, 8)}`;
  let csv = CSV_BOM + csvRecord(importColumns.map((c) => c.en));
  for (let i = 0; i < rows; i += 1) {
    const cells: Record<string, string> = { claim_name: `${tag} ${i + 1}`, tenant_id: randomUUID() };
    csv += csvRecord(importColumns.map((c) => cells[c.en] ?? c.example));
  }
  return csv;
}

export async function importBenchmark({ baseUrl, sessionToken }: { baseUrl: string; sessionToken: string }) {
  const body = importBenchFile();
  const headers = { cookie: `authjs.session-token=${sessionToken}`, origin: baseUrl, "content-type": "text/csv; charset=utf-8" };
  const started = performance.now();
  const preview = await fetch(`${baseUrl}/api/claims/import/preview`, { method: "POST", headers, body });
  const previewed = (await preview.json()) as { ok: boolean; rows?: { fieldErrors: Record<string, string> }[] };
  const previewMs = performance.now() - started;
  if (!previewed.ok) throw new Error(`The preview refused the file: ${JSON.stringify(previewed).slice(0, 300)}`);
  const importStarted = performance.now();
  const response = await fetch(`${baseUrl}/api/claims/import?id=${randomUUID()}`, { method: "POST", headers, body });
  const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as { status?: string; done?: boolean });
  const importMs = performance.now() - importStarted;
  return {
    rows: previewed.rows?.length ?? 0,
    valid: previewed.rows?.filter((r) => Object.keys(r.fieldErrors).length === 0).length ?? 0,
    created: lines.filter((l) => l.status === "created").length,
    finished: lines.at(-1)?.done === true,
    previewMs,
    importMs,
  };
}
