// Decides the kind of an uploaded proof-of-execution file from its leading bytes (magic numbers), never from its name.
// Pure (no Node or server APIs), so the browser can run the same check before uploading.
import { fileTypeFromBuffer } from "file-type/core";

export type PoeKind = "pdf" | "docx" | "xlsx" | "pptx" | "png" | "jpeg" | "msg" | "eml";

export const poeKinds: Record<PoeKind, { mime: string; extension: string }> = {
  pdf: { mime: "application/pdf", extension: "pdf" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx" },
  png: { mime: "image/png", extension: "png" },
  jpeg: { mime: "image/jpeg", extension: "jpg" },
  msg: { mime: "application/vnd.ms-outlook", extension: "msg" },
  eml: { mime: "message/rfc822", extension: "eml" },
};

/**
 * How many leading bytes sniffPoeType needs at most. Most signatures sit in the first few bytes, but:
 * - OOXML is a ZIP that file-type walks entry by entry until it reaches `[Content_Types].xml`; Office writes it first,
 *   other writers put `_rels/`, `docProps/` or even media before it, and the walk stops (refusing the file) where the head ends;
 * - an Outlook .msg is only told apart from a .doc/.xls by its CFB directory entries, which must be in the head
 *   together with the FAT sectors that chain them (see cfbRootNames);
 * (A PNG is confirmed by walking its chunks up to the first IDAT, but file-type accepts a head that ends inside a chunk.)
 * 256 KiB covers those in ordinary files while keeping the read per upload small.
 */
export const SNIFF_BYTES = 256 * 1024;

/** file-type's extension → our kind, for the formats file-type decides on its own. Anything else (docm, xlsm, zip, exe, elf, …) is refused. */
const byFileTypeExtension: Partial<Record<string, PoeKind>> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
  png: "png",
  apng: "png", // an animated PNG is still a PNG (same signature, same MIME type for every viewer)
  jpg: "jpeg",
};

/** The file's kind from its first bytes (up to SNIFF_BYTES; fewer when the file is shorter), or null when not allowed. */
export async function sniffPoeType(head: Uint8Array): Promise<PoeKind | null> {
  if (head.length > SNIFF_BYTES) head = head.subarray(0, SNIFF_BYTES); // same answer whether the caller trimmed or not
  if (head.length === 0) return null;

  let detected: { ext: string } | undefined;
  try {
    detected = await fileTypeFromBuffer(head);
  } catch {
    return null; // a malformed container that file-type cannot even walk is not an allowed file
  }

  if (detected) {
    if (detected.ext === "cfb") return isOutlookMessage(head) ? "msg" : null;
    return byFileTypeExtension[detected.ext] ?? null;
  }
  return looksLikeEmail(head, head.length === SNIFF_BYTES) ? "eml" : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Outlook .msg inside a Compound File Binary (MS-CFB) — the same container as .doc, .xls, .ppt, .msi, …

const MAX_REGULAR_SECTOR = 0xfffffffa;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;

/**
 * An Outlook message (MS-OXMSG) keeps its properties in the root storage: a "__properties_version1.0" stream and
 * "__substg1.0_XXXXYYYY" streams, next to "__nameid_version1.0", "__recip_version1.0_#…" and "__attach_version1.0_#…"
 * storages — all beginning with "__". A .doc has "WordDocument", an .xls "Workbook"/"Book", a .ppt "PowerPoint Document".
 * So: both MSG names at root level, and no root-level name from anything else.
 */
function isOutlookMessage(head: Uint8Array): boolean {
  const names = cfbRootNames(head);
  return (
    names.includes("__properties_version1.0") &&
    names.some((name) => name.startsWith("__substg1.0_")) &&
    names.every((name) => name.startsWith("__"))
  );
}

/**
 * Names of the root storage's children found in the head: follows the directory sector chain through the FAT
 * (only the file's own directory — not look-alike bytes inside stream data such as an attached .doc) and then the
 * root's red-black tree of children. Entries, directory sectors or FAT sectors beyond the head are missing from the answer.
 */
function cfbRootNames(head: Uint8Array): string[] {
  if (head.length < 512) return [];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (view.getUint16(0x1c, true) !== 0xfffe) return []; // byte order mark
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return []; // version 3 (512-byte) or version 4 (4096-byte) sectors
  const sectorSize = 1 << sectorShift;
  const idsPerFatSector = sectorSize / 4;

  const sectorStart = (sector: number): number | undefined => {
    if (sector > MAX_REGULAR_SECTOR) return undefined;
    const start = (sector + 1) * sectorSize;
    return start + sectorSize <= head.length ? start : undefined;
  };
  // Next sector in a chain. Only the 109 FAT sectors listed in the header are looked at: they map the first ~7 MB of a
  // file with 512-byte sectors (~3.5 GB with 4096-byte ones); a directory chain going further is followed up to there.
  const nextSector = (sector: number): number | undefined => {
    const fatIndex = Math.floor(sector / idsPerFatSector);
    if (fatIndex >= HEADER_DIFAT_ENTRIES) return undefined;
    const fatStart = sectorStart(view.getUint32(0x4c + fatIndex * 4, true));
    return fatStart === undefined ? undefined : view.getUint32(fatStart + (sector % idsPerFatSector) * 4, true);
  };

  // Directory entries by stream ID (their position along the chain); undefined where a sector is outside the head.
  const entries: ({ name: string; type: number; left: number; right: number; child: number } | undefined)[] = [];
  const visited = new Set<number>();
  let sector: number | undefined = view.getUint32(0x30, true);
  while (sector !== undefined && !visited.has(sector)) {
    visited.add(sector);
    const start = sectorStart(sector);
    if (start === undefined) break;
    for (let offset = start; offset < start + sectorSize; offset += 128) {
      const type = head[offset + 0x42];
      const nameBytes = view.getUint16(offset + 0x40, true);
      if ((type !== 1 && type !== 2 && type !== 5) || nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) {
        entries.push(undefined);
        continue;
      }
      let name = "";
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(view.getUint16(offset + i, true));
      entries.push({
        name,
        type,
        left: view.getUint32(offset + 0x44, true),
        right: view.getUint32(offset + 0x48, true),
        child: view.getUint32(offset + 0x4c, true),
      });
    }
    sector = nextSector(sector);
  }

  const root = entries[0];
  if (root?.type !== 5) return [];
  const names: string[] = [];
  const seen = new Set<number>();
  const pending = [root.child];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === NO_STREAM || id === 0 || seen.has(id)) continue;
    seen.add(id);
    const entry = entries[id];
    if (!entry || entry.type === 5) continue;
    names.push(entry.name);
    pending.push(entry.left, entry.right);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 822 / 5322 message (.eml)

/** Header names typical of a message; a text file must carry at least two of them to pass as one. */
const messageHeaders = new Set(["from", "to", "subject", "date", "message-id", "mime-version", "received", "return-path", "content-type"]);
const headerLine = /^([\x21-\x39\x3b-\x7e]+):[^\x00-\x08\x0a-\x1f\x7f]*$/; // field-name ":" value (RFC 5322 §2.2)
const continuationLine = /^[ \t][^\x00-\x08\x0a-\x1f\x7f]*$/; // folded header value
const mboxSeparator = /^From [^\x00-\x1f\x7f]*$/; // "From sender date" line of a message saved from an mbox

/**
 * Text starting — after optional blank lines — with a block of header lines, at least two of them well-known ones.
 * The header block must be UTF-8 (RFC 6532; plain ASCII in practice); the body may be in any 8-bit charset
 * (legacy "8bit" ISO-8859-x/Windows-125x bodies are common) but, like the whole head, must contain no NUL byte.
 */
function looksLikeEmail(head: Uint8Array, cutOff: boolean): boolean {
  if (head.includes(0)) return false;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3); // UTF-8 byte order mark
  let text: string;
  try {
    // stream: true, so a multi-byte character cut off by the end of the head is not an error.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(headerBlock(head), { stream: true });
  } catch {
    return false;
  }
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[0].trim() === "") lines.shift();
  if (lines.length > 0 && mboxSeparator.test(lines[0])) lines.shift();
  const end = lines.indexOf("");
  const block = end === -1 ? lines : lines.slice(0, end);
  // A head cut off before the blank line that ends the header block may end inside a header line: ignore that last piece.
  if (end === -1 && cutOff && block.length > 0 && !headerLine.test(block.at(-1)!) && !continuationLine.test(block.at(-1)!)) block.pop();

  const known = new Set<string>();
  let inHeader = false;
  for (const line of block) {
    const header = headerLine.exec(line);
    if (header) {
      inHeader = true;
      const name = header[1].toLowerCase();
      if (messageHeaders.has(name)) known.add(name);
    } else if (!(inHeader && continuationLine.test(line))) {
      return false;
    }
  }
  return known.size >= 2;
}

/** The bytes up to and including the blank line that ends the header block (the whole head when there is none). */
function headerBlock(head: Uint8Array): Uint8Array {
  let start = 0;
  // skip leading blank lines, so they are not mistaken for the end of the header block
  while (start < head.length && [0x0a, 0x0d, 0x20, 0x09].includes(head[start])) start++;
  for (let i = start; i < head.length - 1; i++) {
    if (head[i] !== 0x0a) continue;
    if (head[i + 1] === 0x0a) return head.subarray(0, i + 2);
    if (head[i + 1] === 0x0d && head[i + 2] === 0x0a) return head.subarray(0, i + 3);
  }
  return head;
}
