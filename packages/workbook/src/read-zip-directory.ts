import type { FileHandle } from "node:fs/promises";

/** One file of a zip as its central directory declares it. */
export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly packedBytes: number;
  readonly unpackedBytes: number;
  /** where its local header starts */
  readonly offset: number;
}

/** A zip's central directory: what the archive claims to hold, read without unpacking anything. */
export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** where the central directory starts: the local entries must end before it */
  readonly directoryOffset: number;
}

/** A zip that cannot be read, with the reason in words for a developer. */
export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
  readonly code = "ZIP_FORMAT";
}

/** A zip declaring more entries than allowed, found before its directory is read. */
export class ZipEntryCountError extends Error {
  override readonly name = "ZipEntryCountError";
  readonly code = "ZIP_ENTRY_COUNT";
  readonly count: number;
  constructor(count: number) {
    super(`the zip declares ${count} entries`);
    this.count = count;
  }
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;
// a central directory larger than this is not a workbook's
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

/** Reads `length` bytes at `position`, failing when the file is shorter. */
export async function readAt(
  handle: FileHandle,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) {
    throw new ZipFormatError(`the file ends before byte ${position + length}`);
  }
  return buffer;
}

function safeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ZipFormatError(`${what} is too large`);
  }
  return Number(value);
}

/**
 * Reads the end record and the central directory of a zip (ZIP64 too). Only the directory's
 * bytes are read; nothing is inflated. Throws ZipEntryCountError before reading a directory that
 * declares more than `maxEntries` entries, and ZipFormatError when the zip is malformed.
 */
export async function readZipDirectory(
  handle: FileHandle,
  size: number,
  maxEntries: number,
): Promise<ZipDirectory> {
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    throw new ZipFormatError("no end of central directory record");
  }
  const endOffset = size - tailLength + at;
  let count = tail.readUInt16LE(at + 10);
  let directorySize = tail.readUInt32LE(at + 12);
  let directoryOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    if (endOffset < 20) {
      throw new ZipFormatError("a ZIP64 archive without its locator");
    }
    const locator = await readAt(handle, endOffset - 20, 20);
    if (locator.readUInt32LE(0) !== EOCD64_LOCATOR) {
      throw new ZipFormatError("a ZIP64 archive without its locator");
    }
    const recordOffset = safeNumber(locator.readBigUInt64LE(8), "the ZIP64 record offset");
    const record = await readAt(handle, recordOffset, 56);
    if (record.readUInt32LE(0) !== EOCD64) {
      throw new ZipFormatError("no ZIP64 end of central directory record");
    }
    count = safeNumber(record.readBigUInt64LE(32), "the entry count");
    directorySize = safeNumber(record.readBigUInt64LE(40), "the directory size");
    directoryOffset = safeNumber(record.readBigUInt64LE(48), "the directory offset");
  }
  if (count > maxEntries) {
    throw new ZipEntryCountError(count);
  }
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > endOffset) {
    throw new ZipFormatError("the central directory lies outside the file");
  }
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let position = 0;
  for (let index = 0; index < count; index++) {
    if (position + 46 > directory.length || directory.readUInt32LE(position) !== CENTRAL) {
      throw new ZipFormatError(`central directory entry ${index} is malformed`);
    }
    const flags = directory.readUInt16LE(position + 8);
    const method = directory.readUInt16LE(position + 10);
    let packedBytes = directory.readUInt32LE(position + 20);
    let unpackedBytes = directory.readUInt32LE(position + 24);
    const nameLength = directory.readUInt16LE(position + 28);
    const extraLength = directory.readUInt16LE(position + 30);
    const commentLength = directory.readUInt16LE(position + 32);
    let offset = directory.readUInt32LE(position + 42);
    const nameStart = position + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directory.length) {
      throw new ZipFormatError(`central directory entry ${index} is malformed`);
    }
    const name = directory.toString("utf8", nameStart, extraStart);
    if (unpackedBytes === 0xffffffff || packedBytes === 0xffffffff || offset === 0xffffffff) {
      // the ZIP64 extra field holds, in this order, only the values set to 0xffffffff above
      let field = extraStart;
      const extraEnd = extraStart + extraLength;
      while (field + 4 <= extraEnd && directory.readUInt16LE(field) !== 0x0001) {
        field += 4 + directory.readUInt16LE(field + 2);
      }
      if (field + 4 > extraEnd) {
        throw new ZipFormatError(`entry ${name} lacks its ZIP64 sizes`);
      }
      let value = field + 4;
      const take = (what: string): number => {
        if (value + 8 > extraEnd) {
          throw new ZipFormatError(`entry ${name} lacks its ZIP64 sizes`);
        }
        const read = safeNumber(directory.readBigUInt64LE(value), what);
        value += 8;
        return read;
      };
      if (unpackedBytes === 0xffffffff) {
        unpackedBytes = take("the unpacked size");
      }
      if (packedBytes === 0xffffffff) {
        packedBytes = take("the packed size");
      }
      if (offset === 0xffffffff) {
        offset = take("the entry offset");
      }
    }
    entries.push({ name, flags, method, packedBytes, unpackedBytes, offset });
    position = next;
  }
  return { entries, directoryOffset };
}
