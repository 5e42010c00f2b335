import { randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";

/** exceljs' streaming workbook writer, as its typings describe it. */
export type WorkbookWriter = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

/**
 * Writes a workbook with exceljs' streaming writer (rows are flushed as they are committed, so
 * memory stays bounded) into a temporary file beside `path`, then renames it: the file is
 * written whole or not at all.
 */
export async function writeWorkbookFile(
  path: string,
  build: (workbook: WorkbookWriter) => Promise<void> | void,
): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temporary,
      useStyles: true,
      useSharedStrings: true,
    });
    workbook.creator = "ceping";
    await build(workbook);
    await workbook.commit();
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw cause;
  }
}
