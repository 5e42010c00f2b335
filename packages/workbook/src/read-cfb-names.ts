import type { FileHandle } from "node:fs/promises";
import { readAt, ZipFormatError } from "./read-zip-directory.ts";

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTOR = 0xfffffffa;
// a directory of more sectors than this is no spreadsheet's; stop rather than walk a loop
const MAX_DIRECTORY_SECTORS = 1024;
const MAX_DIFAT_SECTORS = 1024;

/**
 * The names of the streams and storages of a compound file (CFB, "OLE"): the container of
 * legacy .xls files and of password-protected .xlsx files (EncryptionInfo, EncryptedPackage).
 * Reads the header, the FAT sectors it needs and the directory chain; throws ZipFormatError when
 * the structure is broken.
 */
export async function readCfbNames(handle: FileHandle, size: number): Promise<string[]> {
  const header = await readAt(handle, 0, 512);
  const shift = header.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) {
    throw new ZipFormatError(`unknown compound file sector size 2^${shift}`);
  }
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorCount = Math.floor((size - sectorSize) / sectorSize);
  const sectorAt = (sector: number): number => {
    if (sector > MAX_SECTOR || sector >= sectorCount) {
      throw new ZipFormatError(`compound file sector ${sector} is outside the file`);
    }
    return (sector + 1) * sectorSize;
  };

  const fatSectorCount = header.readUInt32LE(44);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(header.readUInt32LE(76 + i * 4));
  }
  let difat = header.readUInt32LE(68);
  for (let n = 0; fatSectors.length < fatSectorCount && difat <= MAX_SECTOR; n++) {
    if (n >= MAX_DIFAT_SECTORS) {
      throw new ZipFormatError("the compound file's DIFAT chain does not end");
    }
    const sector = await readAt(handle, sectorAt(difat), sectorSize);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(sector.readUInt32LE(i * 4));
    }
    difat = sector.readUInt32LE(sectorSize - 4);
  }
  const nextSector = async (sector: number): Promise<number> => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) {
      throw new ZipFormatError(`compound file sector ${sector} has no FAT entry`);
    }
    const entry = await readAt(handle, sectorAt(fatSector) + (sector % perSector) * 4, 4);
    return entry.readUInt32LE(0);
  };

  const names: string[] = [];
  let sector = header.readUInt32LE(48);
  for (let n = 0; sector !== END_OF_CHAIN; n++) {
    if (n >= MAX_DIRECTORY_SECTORS) {
      throw new ZipFormatError("the compound file's directory chain does not end");
    }
    const directory = await readAt(handle, sectorAt(sector), sectorSize);
    for (let entry = 0; entry < sectorSize; entry += 128) {
      const nameBytes = directory.readUInt16LE(entry + 64);
      if (directory[entry + 66] !== 0 && nameBytes >= 2 && nameBytes <= 64) {
        names.push(directory.toString("utf16le", entry, entry + nameBytes - 2));
      }
    }
    sector = await nextSector(sector);
  }
  return names;
}
