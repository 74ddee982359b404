// Proof-of-execution files: upload (streamed to blob storage, typed by content, within the size
// limits), removal while the claim is editable, authorized download, and the sweep of blobs without a
// row. A Rejected claim whose dispute window is open takes new files (the dispute's proof), and only
// those may be removed again: the proof the decision was made on stays.
import { Refusal } from "../refusal";
import type { Tx } from "../db-client";
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { PartnerViewer, Viewer } from "../auth/session";
import { db } from "../db";
import { recordEvent } from "../claims/history";
import { editableStatuses } from "../claims/vocabulary";
import { disputeWindow, lockClaim } from "../claims/lifecycle";
import { claimScope } from "../claims/queries";
import { MAX_CLAIM_BYTES, MAX_FILE_BYTES } from "./schemas";
import { poeKinds, sniffPoeType, SNIFF_BYTES, type PoeKind } from "./sniff";
import { deletePoeBlob, downloadPoeBlob, listPoeBlobs, uploadPoeBlob } from "./storage";
import { stripUnsafeText } from "../text";

export type PoeFileError = "notFound" | "notEditable" | "fileTooLarge" | "claimTooLarge" | "fileType" | "empty" | "fileName" | "incomplete";

/** An upload, a removal or a file name refused: a Refusal with one of the codes above. */
export type PoeFileRefused = Refusal<PoeFileError>;
const refused = (code: PoeFileError): PoeFileRefused => new Refusal(code);

const BLOB_PREFIX = "poe/";

const MAX_NAME = 200;

/**
 * Invisible characters that change how a name reads: bidirectional controls (U+202A-U+202E, U+2066-U+2069,
 * U+200E, U+200F, U+061C; "invoice\u202Efdp.exe" shows as "invoiceexe.pdf") and zero-width ones
 * (U+200B-U+200D, U+2060, U+FEFF).
 */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g;

/**
 * The user's file name as shown later: no path, no control characters, lone surrogates or invisible
 * characters, at most 200 characters (extension kept).
 */
export function cleanFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = Array.from(stripUnsafeText(base).replace(INVISIBLE, "").trim());
  if (cleaned.length === 0 || [".", ".."].includes(cleaned.join(""))) throw refused("fileName");
  if (cleaned.length <= MAX_NAME) return cleaned.join("");
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : [];
  return [...cleaned.slice(0, MAX_NAME - extension.length), ...extension].join("");
}

/** The name a download is saved under: the user's name, ending with the extension of the type found in the content. */
export function downloadName(fileName: string, kind: PoeKind) {
  const extension = `.${poeKinds[kind].extension}`;
  const alternatives = kind === "jpeg" ? [".jpg", ".jpeg"] : [extension];
  return alternatives.some((ext) => fileName.toLowerCase().endsWith(ext)) ? fileName : `${fileName}${extension}`;
}


/**
 * The claim, when its files may change: an editable claim, or a Rejected one being disputed (then
 * `addedAfter` is the rejection: only files uploaded since then are the dispute's).
 */
async function editableClaim(viewer: PartnerViewer, claimId: string, client: Tx = db) {
  const claim = await client.claim.findFirst({ where: { ...claimScope(viewer), id: claimId }, select: { id: true, status: true, statusChangedAt: true, statusReasonCode: true } });
  if (!claim) throw refused("notFound");
  if (editableStatuses.includes(claim.status)) return { ...claim, addedAfter: null };
  if (claim.status === "REJECTED" && (await disputeWindow(client, claim)).open) return { ...claim, addedAfter: claim.statusChangedAt ?? new Date(0) };
  throw refused("notEditable");
}

const usedBytes = async (claimId: string, client: Tx = db) => (await client.poeFile.aggregate({ where: { claimId }, _sum: { size: true } }))._sum.size ?? 0;

/**
 * Stores one uploaded file: sniffs its type from the first bytes, streams it to a new blob under a
 * random name while counting and hashing, then records the row (re-checking the claim and the
 * claim's total under a row lock). Any failure removes the blob and its staged blocks, so no
 * half-written file remains.
 */
export async function uploadPoeFile(viewer: PartnerViewer, claimId: string, input: { fileName: string; declaredSize: number | null; body: ReadableStream<Uint8Array> }) {
  const fileName = cleanFileName(input.fileName);
  await editableClaim(viewer, claimId);
  if (input.declaredSize !== null) {
    if (input.declaredSize > MAX_FILE_BYTES) throw refused("fileTooLarge");
    if ((await usedBytes(claimId)) + input.declaredSize > MAX_CLAIM_BYTES) throw refused("claimTooLarge");
  }

  const source = Readable.fromWeb(input.body as WebReadableStream<Uint8Array>);
  const chunks = source[Symbol.asyncIterator]();
  const headParts: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.from(next.value as Uint8Array);
    headParts.push(chunk);
    headLength += chunk.length;
  }
  const head = Buffer.concat(headParts);
  if (head.length === 0) throw refused("empty");
  const kind = await sniffPoeType(head);
  if (!kind) {
    source.destroy();
    throw refused("fileType");
  }

  const hash = createHash("sha256");
  let size = 0;
  let tooLarge: PoeFileRefused | undefined;
  const counted = (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) {
      tooLarge = refused("fileTooLarge");
      throw tooLarge;
    }
    hash.update(chunk);
    return chunk;
  };
  async function* everything() {
    yield counted(head);
    if (ended) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield counted(Buffer.from(next.value as Uint8Array));
    }
  }

  const blobName = `${BLOB_PREFIX}${randomUUID()}`;
  try {
    // On failure the storage has already aborted and discarded every block of this blob.
    await uploadPoeBlob(blobName, everything(), poeKinds[kind].mime);
  } catch (error) {
    source.destroy();
    throw tooLarge ?? error;
  }
  // A body cut short of its declared length on its way (a proxy's limit on what it copies) is not the file the user chose.
  if (input.declaredSize !== null && size < input.declaredSize) {
    await deletePoeBlob(blobName);
    throw refused("incomplete");
  }

  try {
    return await db.$transaction(async (tx) => {
      await lockClaim(tx, claimId);
      await editableClaim(viewer, claimId, tx);
      if ((await usedBytes(claimId, tx)) + size > MAX_CLAIM_BYTES) throw refused("claimTooLarge");
      const file = await tx.poeFile.create({
        data: { claimId, blobName, fileName, kind, contentType: poeKinds[kind].mime, size, sha256: hash.digest("hex"), uploadedById: viewer.id },
        select: { id: true, fileName: true, kind: true, size: true, uploadedAt: true },
      });
      await recordEvent(tx, { claimId, action: "poeFileAdded", actorUserId: viewer.id, note: fileName });
      return file;
    });
  } catch (error) {
    await deletePoeBlob(blobName);
    throw error;
  }
}

/** Removes a file of an editable claim (or a dispute's new file): the row first (in a transaction with the audit), then the blob. */
export async function removePoeFile(viewer: PartnerViewer, claimId: string, fileId: string) {
  const removed = await db.$transaction(async (tx) => {
    await lockClaim(tx, claimId);
    const claim = await editableClaim(viewer, claimId, tx);
    const file = await tx.poeFile.findFirst({ where: { id: fileId, claimId } });
    if (!file) return null;
    if (claim.addedAfter && file.uploadedAt.getTime() <= claim.addedAfter.getTime()) throw refused("notEditable");
    await tx.poeFile.delete({ where: { id: file.id } });
    await recordEvent(tx, { claimId, action: "poeFileRemoved", actorUserId: viewer.id, note: file.fileName });
    return file;
  });
  if (!removed) throw refused("notFound");
  await deletePoeBlob(removed.blobName);
}

/** A file and its content, when the viewer may read the claim; null otherwise (answer 404). */
export async function openPoeFile(viewer: Viewer, claimId: string, fileId: string) {
  const scope =
    viewer.role === "REVIEWER" ? { deletedAt: null, status: { not: "DRAFT" as const } } : viewer.role === "INCENTIVE_ADMIN" && viewer.organization ? claimScope(viewer as PartnerViewer) : null;
  if (!scope) return null;
  const file = await db.poeFile.findFirst({ where: { id: fileId, claimId, claim: scope } });
  if (!file) return null;
  return { file, content: await downloadPoeBlob(file.blobName) };
}

/**
 * Deletes blobs that have no row and were last modified more than `olderThanMs` ago: an upload cut off
 * by a crash between the blob and the row, or before its blocks were committed (uncommitted blocks,
 * which Azure would otherwise keep for 7 days). Idempotent, so several instances may run it.
 */
export async function sweepOrphanBlobs({ olderThanMs = 60 * 60 * 1000, now = new Date() } = {}) {
  let deleted = 0;
  for await (const names of listPoeBlobs(BLOB_PREFIX, new Date(now.getTime() - olderThanMs))) {
    if (names.length === 0) continue;
    const known = new Set((await db.poeFile.findMany({ where: { blobName: { in: names } }, select: { blobName: true } })).map((f) => f.blobName));
    for (const name of names.filter((n) => !known.has(n))) {
      await deletePoeBlob(name);
      deleted += 1;
    }
  }
  return deleted;
}
