const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

/**
 * Builds a compound file (CFB version 3) holding the given streams, each padded to at least
 * 4096 bytes so that no mini stream is needed: the container of legacy .xls files and of
 * password-protected .xlsx files. Only for test fixtures.
 */
export function writeCfb(streams: readonly { name: string; data: Buffer }[]): Buffer {
  const padded = streams.map(({ name, data }) => {
    const size = Math.max(4096, Math.ceil(data.length / SECTOR) * SECTOR);
    const body = Buffer.alloc(size);
    data.copy(body);
    return { name, body, size: Math.max(4096, data.length) };
  });
  const dataSectors = padded.reduce((sum, { body }) => sum + body.length / SECTOR, 0);
  if (dataSectors + 2 > SECTOR / 4) {
    throw new Error("too much data for one FAT sector");
  }
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  let next = 2;
  const starts: number[] = [];
  for (const { body } of padded) {
    starts.push(next);
    const count = body.length / SECTOR;
    for (let i = 0; i < count; i++) {
      fat.writeUInt32LE(i === count - 1 ? END_OF_CHAIN : next + i + 1, (next + i) * 4);
    }
    next += count;
  }

  const directory = Buffer.alloc(SECTOR);
  const entry = (
    index: number,
    name: string,
    type: number,
    fields: { left?: number; right?: number; child?: number; start?: number; size?: number },
  ) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\u0000`, "utf16le");
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1;
    directory.writeUInt32LE(fields.left ?? NO_STREAM, at + 68);
    directory.writeUInt32LE(fields.right ?? NO_STREAM, at + 72);
    directory.writeUInt32LE(fields.child ?? NO_STREAM, at + 76);
    directory.writeUInt32LE(fields.start ?? END_OF_CHAIN, at + 116);
    directory.writeUInt32LE(fields.size ?? 0, at + 120);
  };
  if (padded.length > 3) {
    throw new Error("at most three streams");
  }
  entry(0, "Root Entry", 5, { child: 1 });
  padded.forEach(({ name, size }, index) => {
    entry(index + 1, name, 2, {
      ...(index + 2 <= padded.length && { right: index + 2 }),
      start: starts[index] ?? END_OF_CHAIN,
      size,
    });
  });

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // the FAT is sector 0
  return Buffer.concat([header, fat, directory, ...padded.map(({ body }) => body)]);
}
