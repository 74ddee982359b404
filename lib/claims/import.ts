// The CSV import of claims as Drafts: every row judged with the wizard's own rules (validateClaim:
// the same schemas and domain checks as "Add customer"), the preview with each row's errors and the
// collision warnings the wizard shows, and the import itself, each row in a transaction of its own.
// Nothing is kept between the preview and the import: the page sends the file again, and each row's
// creation key (from the organisation, the import's id and the row) makes a repeated import of the
// same rows find the Drafts it created instead of making them twice.
import "server-only";
import { createHash } from "node:crypto";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { findCollisions } from "./collisions";
import { claimScope } from "./queries";
import { IMPORT_MAX_BYTES, readImportFile, type ImportFile, type ImportOutcome, type ImportPreview, type ImportRow, type ImportWarning, type PreviewRow } from "./import-file";
import { insertDraft, validateClaim } from "./wizard";
import type { ClaimInput, FieldErrors } from "./schemas";


/** How many rows are judged at once (each takes a few queries). */
const CONCURRENCY = 4;

/** Runs `work` over `items`, `CONCURRENCY` at a time, handing each result to `each` as it comes. */
async function inPool<T, R>(items: readonly T[], work: (item: T) => Promise<R>, each: (result: R) => void | Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await each(await work(item));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

/** A row checked as the wizard checks a claim: the mapping's errors first, then the wizard's. */
async function judgeRow(viewer: PartnerViewer, row: ImportRow): Promise<{ ok: true; input: ClaimInput } | { ok: false; fieldErrors: FieldErrors }> {
  const result = await validateClaim(viewer, row.data);
  if (result.ok && Object.keys(row.fieldErrors).length === 0) return { ok: true, input: result.data };
  return { ok: false, fieldErrors: { ...(result.ok ? {} : result.fieldErrors), ...row.fieldErrors } };
}

/** The wizard's collision warnings for a row: another partner holds or claims one of its items, or the organisation already does. */
async function warningsOf(viewer: PartnerViewer, input: ClaimInput): Promise<ImportWarning[]> {
  const facts = { organizationId: viewer.organization.id, tenantId: input.tenantId, solutionArea: input.solutionArea, partnerRole: input.partnerRole };
  const [others, own] = await Promise.all([findCollisions(facts), findCollisions({ ...facts, sameOrganization: true })]);
  const items = input.solutionArea === "MODERN_WORK_SECURITY" ? input.workloadIds : input.subscriptionIds;
  const warnings: ImportWarning[] = [];
  for (const item of items) {
    if (others[item]) warnings.push({ item, kind: others[item] });
    if (own[item]) warnings.push({ item, kind: "own" });
  }
  return warnings;
}

/** The preview of a file: per row its line, its errors by field and its collision warnings; or why the file cannot be read. */
export async function previewImport(viewer: PartnerViewer, text: string): Promise<ImportPreview> {
  const file = readImportFile(text);
  if (!file.ok) return file;
  const rows: PreviewRow[] = [];
  await inPool(
    file.rows,
    async (row) => {
      const judged = await judgeRow(viewer, row);
      const shown = { line: row.line, name: String(row.data.name ?? "").trim(), tenantId: String(row.data.tenantId ?? "").trim() };
      if (!judged.ok) return { ...shown, fieldErrors: judged.fieldErrors, warnings: [] };
      return { ...shown, fieldErrors: {}, warnings: await warningsOf(viewer, judged.input) };
    },
    (row) => void rows.push(row),
  );
  rows.sort((a, b) => a.line - b.line);
  return { ok: true, rows };
}

/** The creation key of a row of an import: the same organisation, import and row give the same key. */
export function importCreationKey(organizationId: string, importId: string, line: number) {
  const hex = createHash("sha256").update(`claim-import:${organizationId}:${importId}:${line}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** One row imported: judged again (the data may have changed since the preview), then created in its own transaction. */
async function importRow(viewer: PartnerViewer, importId: string, row: ImportRow): Promise<ImportOutcome> {
  const creationKey = importCreationKey(viewer.organization.id, importId, row.line);
  const existing = () => db.claim.findFirst({ where: { ...claimScope(viewer), creationKey }, select: { id: true } });
  const before = await existing();
  if (before) return { line: row.line, status: "created", claimId: before.id };
  const judged = await judgeRow(viewer, row);
  if (!judged.ok) return { line: row.line, status: "failed", fieldErrors: judged.fieldErrors };
  try {
    const claimId = await db.$transaction((tx) => insertDraft(tx, viewer, judged.input, creationKey));
    return { line: row.line, status: "created", claimId };
  } catch (error) {
    // The same row of the same import, imported at the same time by a second request: the first one's Draft.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await existing();
      if (raced) return { line: row.line, status: "created", claimId: raced.id };
    }
    return { line: row.line, status: "failed", fieldErrors: {}, problem: "notCreated" };
  }
}

/**
 * Imports a file's valid rows as Drafts of the viewer's organisation, handing each row's outcome to
 * `each` as soon as it is known (the page shows the progress from them); invalid rows create nothing.
 * `importId` names this import (the page makes one per file), so sending it again creates nothing twice.
 */
export async function importClaims(viewer: PartnerViewer, text: string, importId: string, each: (outcome: ImportOutcome, total: number) => void | Promise<void> = () => {}): Promise<{ ok: true; outcomes: ImportOutcome[] } | Extract<ImportFile, { ok: false }>> {
  const file = readImportFile(text);
  if (!file.ok) return file;
  const outcomes: ImportOutcome[] = [];
  await inPool(
    file.rows,
    (row) => importRow(viewer, importId, row),
    async (outcome) => {
      outcomes.push(outcome);
      await each(outcome, file.rows.length);
    },
  );
  outcomes.sort((a, b) => a.line - b.line);
  return { ok: true, outcomes };
}

/**
 * The uploaded file's text, read as it arrives and given up past IMPORT_MAX_BYTES (a declared length
 * over it is refused before reading); a file that is not UTF-8 is refused too (a spreadsheet's "CSV
 * UTF-8" saves it so).
 */
export async function readImportUpload(request: Request): Promise<{ ok: true; text: string } | { ok: false; problem: "tooLarge"; maxBytes: number } | { ok: false; problem: "encoding" | "empty" }> {
  const tooLarge = { ok: false, problem: "tooLarge", maxBytes: IMPORT_MAX_BYTES } as const;
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES) return tooLarge;
  if (!request.body) return { ok: false, problem: "empty" };
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = request.body.getReader();
  let size = 0;
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > IMPORT_MAX_BYTES) {
        await reader.cancel();
        return tooLarge;
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, problem: "encoding" };
    throw error;
  }
  return { ok: true, text };
}
