import { createReadStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { createInflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import type { ZipPart } from "./check-xlsx-file.ts";
import { readSheetRows } from "./read-sheet-rows.ts";
import type { SheetRow } from "./read-sheet-rows.ts";

/** One sheet of a workbook being streamed: its name and, once, its rows in batches. */
export interface StreamedSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** every sheet in the workbook's order */
  readonly order: readonly { readonly name: string; readonly hidden: boolean }[];
  /** the rows as the parser delivers them, a batch at a time (fewer awaits than row by row) */
  rowBatches(): AsyncIterable<readonly SheetRow[]>;
}

/** A part of the zip inflated past the size its directory declared: a forged or broken file. */
export class PartSizeError extends Error {
  override readonly name = "PartSizeError";
  readonly part: string;
  readonly declared: number;
  constructor(part: string, declared: number) {
    super(`${part} inflates past its declared ${declared} bytes`);
    this.part = part;
    this.declared = declared;
  }
}

/** Passes bytes through, failing as soon as more than `limit` have passed. */
function sizeGuard(part: string, limit: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > limit ? new PartSizeError(part, limit) : null, chunk);
    },
  });
}

// the parts of exceljs' streaming reader that its typings leave out: the parsers of each part,
// which its own parse() calls for zip entries as they come, and what they leave behind
interface BookReader {
  readonly model?: {
    readonly sheets?: readonly {
      readonly name?: string;
      readonly state?: string;
      readonly rId?: string;
    }[];
  };
  readonly workbookRels?: readonly { readonly Id?: string; readonly Target?: string }[];
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
  readonly sharedStrings?: readonly unknown[];
  readonly styles?: { getStyleModel(id: number): { readonly numFmt?: string } | null };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
}

function isHidden(state: string | undefined): boolean {
  return state === "hidden" || state === "veryHidden";
}

/** A relationship target as a zip path: `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function partPath(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * Streams the sheets of an .xlsx file in the workbook's order: exceljs' streaming parsers read
 * the workbook, its relationships, shared strings and styles, `readSheetRows` reads each sheet,
 * all fed by our own reading of the zip (the parts were located by `checkXlsxFile`). exceljs' own
 * zip pass drops sheets of small files at random (exceljs #2790) and spills sheets to the temp
 * folder when the shared strings come after them; reading each part at its offset does neither.
 * Each part is stopped as soon as it inflates past its declared size (PartSizeError), so a zip
 * that lies about its sizes cannot unpack more than the directory checks allowed. Memory stays
 * bounded by a batch of rows, the shared strings and the styles. Dates come back as
 * dates (styles are read for their number formats). A sheet's part is opened when its rows are
 * asked for; leaving the loop early closes the file.
 */
export async function* streamSheets(
  path: string,
  parts: ReadonlyMap<string, ZipPart>,
): AsyncGenerator<StreamedSheet> {
  const open: Readable[] = [];
  const entry = (name: string): Readable | undefined => {
    const part = parts.get(name);
    if (!part) {
      return undefined;
    }
    if (part.packedBytes === 0) {
      return Readable.from([]);
    }
    const raw = createReadStream(path, {
      start: part.start,
      end: part.start + part.packedBytes - 1,
    });
    open.push(raw);
    if (part.method === 0) {
      return raw;
    }
    const inflate = createInflateRaw();
    const guard = sizeGuard(name, part.unpackedBytes);
    open.push(inflate, guard);
    raw.on("error", (cause) => guard.destroy(cause));
    inflate.on("error", (cause) => guard.destroy(cause));
    return raw.pipe(inflate).pipe(guard);
  };
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    }) as unknown as BookReader;
    const rels = entry("xl/_rels/workbook.xml.rels");
    if (rels) {
      await reader._parseRels(rels);
    }
    const book = entry("xl/workbook.xml");
    if (book) {
      await reader._parseWorkbook(book);
    }
    const strings = entry("xl/sharedStrings.xml");
    if (strings) {
      for await (const event of reader._parseSharedStrings(strings)) {
        void event;
      }
    }
    const styles = entry("xl/styles.xml");
    if (styles) {
      await reader._parseStyles(styles);
    }
    const sheets = reader.model?.sheets ?? [];
    const order = sheets.map((sheet) => ({
      name: sheet.name ?? "",
      hidden: isHidden(sheet.state),
    }));
    const context = {
      sharedStrings: reader.sharedStrings ?? [],
      // without a styles part exceljs' style manager is empty and would throw
      numFmtOf: (style: number) =>
        styles ? (reader.styles?.getStyleModel(style)?.numFmt ?? undefined) : undefined,
      date1904: reader.properties?.model?.date1904 === true,
    };
    for (const sheet of sheets) {
      const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
      const name = target === undefined ? undefined : partPath(target);
      if (name === undefined || !parts.has(name)) {
        continue;
      }
      yield {
        name: sheet.name ?? "",
        hidden: isHidden(sheet.state),
        order,
        rowBatches: () => readSheetRows(entry(name) ?? Readable.from([]), context),
      };
    }
  } finally {
    for (const stream of open) {
      stream.destroy();
    }
  }
}
