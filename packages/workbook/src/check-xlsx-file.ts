import { open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { error } from "@ceping/engine";
import type { Issue, Place } from "@ceping/engine";
import { readCfbNames } from "./read-cfb-names.ts";
import {
  readAt,
  readZipDirectory,
  ZipEntryCountError,
  ZipFormatError,
} from "./read-zip-directory.ts";
import type { ZipEntry } from "./read-zip-directory.ts";
import type { WorkbookLimits } from "./workbook-limits.ts";

const ZIP_MAGIC = 0x504b0304;
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LOCAL = 0x04034b50;
// a ratio is only suspicious on entries big enough to hurt
const RATIO_FLOOR_BYTES = 1024 * 1024;
// a data descriptor after an entry: crc and sizes, with an optional signature, 4- or 8-byte sizes
const MAX_DESCRIPTOR_BYTES = 24;

/** Sizes for a person: 1.5 MB, 300 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  }
  if (bytes >= 1024) {
    return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  }
  return `${bytes} B`;
}

class Refusal extends Error {
  override readonly name = "Refusal";
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(issue.code);
    this.issue = issue;
  }
}

function describeStart(head: Buffer): string {
  if (head.length === 0) {
    return "(空文件)";
  }
  const text = head.toString("utf8").replace(/\uFFFD+$/, "");
  // printable text (a CSV, an HTML page saved as .xlsx): show it as text
  const printable = [...text].every((char) => {
    const code = char.charCodeAt(0);
    return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffd;
  });
  if (text.length > 0 && printable) {
    const line = text.split(/\r?\n/)[0] ?? "";
    return `"${line.length > 20 ? `${line.slice(0, 20)}...` : line}"`;
  }
  return [...head.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
}

async function checkCompoundFile(handle: FileHandle, size: number, place: Place): Promise<Issue> {
  let names: string[];
  try {
    names = await readCfbNames(handle, size);
  } catch (cause) {
    if (cause instanceof ZipFormatError) {
      return error("xlsx.corrupt", place, { reason: cause.message });
    }
    throw cause;
  }
  if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage")) {
    return error("xlsx.encrypted", place);
  }
  if (names.includes("Workbook") || names.includes("Book")) {
    return error("xlsx.legacy_xls", place);
  }
  return error("xlsx.not_xlsx", place, { found: "Office 97-2003 复合文档" });
}

/**
 * Checks that each entry's local header matches the directory and that the entries lie end to
 * end, so that a streaming reader (which reads local headers in file order) sees exactly the
 * entries that were checked and nothing hidden between them.
 */
async function checkLayout(
  handle: FileHandle,
  entries: readonly ZipEntry[],
  directoryOffset: number,
): Promise<Map<ZipEntry, number>> {
  const starts = new Map<ZipEntry, number>();
  const ordered = [...entries].sort((a, b) => a.offset - b.offset);
  let expected = 0;
  let slack = 0;
  for (const entry of ordered) {
    if (entry.offset < expected || entry.offset > expected + slack) {
      throw new ZipFormatError(`unexpected bytes before ${entry.name}`);
    }
    const local = await readAt(handle, entry.offset, 30);
    if (local.readUInt32LE(0) !== LOCAL) {
      throw new ZipFormatError(`no local header for ${entry.name}`);
    }
    const nameLength = local.readUInt16LE(26);
    const extraLength = local.readUInt16LE(28);
    const name = (await readAt(handle, entry.offset + 30, nameLength)).toString("utf8");
    if (name !== entry.name) {
      throw new ZipFormatError(`the local header of ${entry.name} names ${name}`);
    }
    const localPacked = local.readUInt32LE(18);
    const hasDescriptor = (local.readUInt16LE(6) & 0x08) !== 0;
    if (!hasDescriptor && localPacked !== 0xffffffff && localPacked !== entry.packedBytes) {
      throw new ZipFormatError(`the sizes of ${entry.name} disagree`);
    }
    const start = entry.offset + 30 + nameLength + extraLength;
    starts.set(entry, start);
    expected = start + entry.packedBytes;
    slack = hasDescriptor ? MAX_DESCRIPTOR_BYTES : 0;
  }
  if (directoryOffset < expected || directoryOffset > expected + slack) {
    throw new ZipFormatError("unexpected bytes before the central directory");
  }
  return starts;
}

/** Where an entry's packed bytes lie in the file, once the file has passed the checks. */
export interface ZipPart {
  readonly method: number;
  readonly start: number;
  readonly packedBytes: number;
  /** the declared size, which the reader must not let the part inflate past */
  readonly unpackedBytes: number;
}

async function checkZip(
  path: string,
  handle: FileHandle,
  size: number,
  place: Place,
  limits: WorkbookLimits,
): Promise<Map<string, ZipPart>> {
  const refuse = (issue: Issue) => {
    throw new Refusal(issue);
  };
  let directory;
  try {
    directory = await readZipDirectory(handle, size, limits.maxEntries);
  } catch (cause) {
    if (cause instanceof ZipEntryCountError) {
      refuse(
        error("xlsx.too_many_entries", place, { count: cause.count, limit: limits.maxEntries }),
      );
    }
    throw cause;
  }
  const { entries } = directory;
  let unpacked = 0;
  for (const entry of entries) {
    if ((entry.flags & 0x01) !== 0) {
      refuse(error("xlsx.encrypted", place));
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
    }
    unpacked += entry.unpackedBytes;
    if (unpacked > limits.maxUnpackedBytes) {
      refuse(
        error("xlsx.unpacked_too_large", place, {
          size: formatBytes(unpacked),
          limit: formatBytes(limits.maxUnpackedBytes),
        }),
      );
    }
    const ratio = entry.unpackedBytes / Math.max(entry.packedBytes, 1);
    if (entry.unpackedBytes > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
      refuse(
        error("xlsx.ratio_too_high", place, {
          entry: entry.name,
          ratio: Math.round(ratio),
          limit: limits.maxRatio,
        }),
      );
    }
  }
  const names = new Set(entries.map((entry) => entry.name));
  const missing = ["[Content_Types].xml", "xl/workbook.xml"].filter((name) => !names.has(name));
  if (missing.length > 0) {
    refuse(error("xlsx.not_workbook", place, { missing: missing.join("、") }));
  }
  const starts = await checkLayout(handle, entries, directory.directoryOffset);
  const parts = new Map<string, ZipPart>();
  for (const entry of entries) {
    const start = starts.get(entry) ?? 0;
    if (entry.method === 0 && entry.packedBytes !== entry.unpackedBytes) {
      refuse(
        error("xlsx.size_mismatch", place, {
          entry: entry.name,
          size: formatBytes(entry.unpackedBytes),
        }),
      );
    }
    // declared sizes can lie: the reader counts what each part really inflates to (streamSheets)
    parts.set(entry.name, {
      method: entry.method,
      start,
      packedBytes: entry.packedBytes,
      unpackedBytes: entry.unpackedBytes,
    });
  }
  return parts;
}

/**
 * Checks a file before any spreadsheet library reads it: its size; that it is a zip and not an
 * encrypted or legacy compound file; that its central directory declares no more entries and
 * no more unpacked bytes than the limits allow (a zip bomb is refused in milliseconds); that the
 * entries lie end to end (so that nothing hides between them). Returns the first reason to
 * refuse the file, or where each entry's bytes lie; the reader then stops any part that
 * inflates past its declared size.
 */
export async function checkXlsxFile(
  path: string,
  place: Place,
  limits: WorkbookLimits,
): Promise<{ issue: Issue } | { parts: ReadonlyMap<string, ZipPart> }> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return {
      issue:
        code === "ENOENT"
          ? error("source.not_found", place)
          : error("source.unreadable", place, { reason: code ?? String(cause) }),
    };
  }
  try {
    const { size } = await handle.stat();
    if (size > limits.maxFileBytes) {
      return {
        issue: error("source.too_large", place, {
          size: formatBytes(size),
          limit: formatBytes(limits.maxFileBytes),
        }),
      };
    }
    const head = await readAt(handle, 0, Math.min(size, 64));
    if (head.length >= 8 && head.subarray(0, 8).equals(CFB_MAGIC)) {
      return { issue: await checkCompoundFile(handle, size, place) };
    }
    if (head.length < 4 || head.readUInt32BE(0) !== ZIP_MAGIC) {
      return { issue: error("xlsx.not_xlsx", place, { found: describeStart(head) }) };
    }
    return { parts: await checkZip(path, handle, size, place, limits) };
  } catch (cause) {
    if (cause instanceof Refusal) {
      return { issue: cause.issue };
    }
    if (cause instanceof ZipFormatError) {
      return { issue: error("xlsx.corrupt", place, { reason: cause.message }) };
    }
    throw cause;
  } finally {
    await handle.close();
  }
}
