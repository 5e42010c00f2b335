import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Cell } from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { commitRow } from "./commit-row.ts";
import { writeWorkbookFile } from "./write-workbook-file.ts";

const folder = mkdtempSync(join(tmpdir(), "ceping-commit-row-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const BORDER = { top: { style: "thin" }, bottom: { style: "thin" } } as const;

describe("commitRow", () => {
  it("gives cells with equal styles one style object, and the file keeps every style", async () => {
    const path = join(folder, "styles.xlsx");
    const cells: Cell[] = [];
    await writeWorkbookFile(path, (workbook) => {
      const sheet = workbook.addWorksheet("s");
      for (let r = 1; r <= 3; r++) {
        const row = sheet.getRow(r);
        // equal in content, each a fresh object, as a writer makes them row by row
        row.getCell(1).value = `粗体${r}`;
        row.getCell(1).font = { bold: true };
        row.getCell(2).value = r;
        row.getCell(2).numFmt = "0.00";
        row.getCell(2).border = { ...BORDER };
        row.getCell(3).value = "plain";
        cells.push(row.getCell(1), row.getCell(2), row.getCell(3));
        commitRow(row);
      }
      sheet.commit();
    });
    const [bold1, number1, plain1, bold2, number2, , bold3] = cells;
    expect(bold1?.style).toBe(bold2?.style);
    expect(bold1?.style).toBe(bold3?.style);
    expect(number1?.style).toBe(number2?.style);
    expect(number1?.style).not.toBe(bold1?.style);
    expect(plain1?.style).not.toBe(bold1?.style);

    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(path);
    const sheet = read.getWorksheet("s");
    for (let r = 1; r <= 3; r++) {
      const row = sheet?.getRow(r);
      expect(row?.getCell(1).value).toBe(`粗体${r}`);
      expect(row?.getCell(1).font?.bold).toBe(true);
      expect(row?.getCell(2).numFmt).toBe("0.00");
      expect(row?.getCell(2).border?.top?.style).toBe("thin");
      expect(row?.getCell(2).border?.bottom?.style).toBe("thin");
      expect(row?.getCell(3).font?.bold).toBeUndefined();
    }
  });
});
