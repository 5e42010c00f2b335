import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readSheetRows } from "./read-sheet-rows.ts";
import type { SheetContext } from "./read-sheet-rows.ts";

const CONTEXT: SheetContext = {
  sharedStrings: ["编号", { richText: [{ text: "周屯" }, { text: "村" }] }],
  // style 1 is a date, style 2 a percentage, as a styles part would say
  numFmtOf: (style) => (style === 1 ? "yyyy-mm-dd" : style === 2 ? "0%" : undefined),
  date1904: false,
};

function sheet(rows: string, prefix = ""): string {
  const p = prefix === "" ? "" : `${prefix}:`;
  return `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet xmlns${prefix === "" ? "" : `:${prefix}`}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}cols><${p}col min="1" max="2" width="10"/></${p}cols><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
}

/** Every row as [number, cellCount, [column, value, numFmt]...], fed in chunks of `size` bytes. */
async function read(xml: string, context: SheetContext = CONTEXT, size = 7): Promise<unknown[]> {
  const bytes = Buffer.from(xml);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    chunks.push(bytes.subarray(at, at + size));
  }
  const out: unknown[] = [];
  for await (const batch of readSheetRows(Readable.from(chunks), context)) {
    for (const row of batch) {
      const cells: unknown[] = [];
      row.eachCell((cell, column) => cells.push([column, cell.value, cell.numFmt]));
      out.push([row.number, row.cellCount, ...cells]);
    }
  }
  return out;
}

describe("readSheetRows", () => {
  it("reads each kind of cell as exceljs' reader gives it", async () => {
    const rows = await read(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>412</v></c>' +
          '<c r="D1" s="1"><v>45413</v></c><c r="E1" s="2"><v>0.35</v></c><c r="F1" t="b"><v>1</v></c>' +
          '<c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="str"><v>a &amp; b</v></c>' +
          '<c r="I1" t="d"><v>2024-05-01T00:00:00Z</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      [
        1,
        9,
        [1, "编号", undefined],
        [2, { richText: [{ text: "周屯" }, { text: "村" }] }, undefined],
        [3, 412, undefined],
        [4, new Date("2024-05-01T00:00:00Z"), "yyyy-mm-dd"],
        [5, 0.35, "0%"],
        [6, true, undefined],
        [7, { error: "#N/A" }, undefined],
        [8, "a & b", undefined],
        [9, new Date("2024-05-01T00:00:00Z"), undefined],
      ],
    ]);
  });

  it("reads formulas with their cached result of each type, and without one", async () => {
    const rows = await read(
      sheet(
        '<row r="2"><c r="A2"><f>SUM(B2:C2)</f><v>7.5</v></c><c r="B2" t="str"><f>"甲"&amp;"乙"</f><v>甲乙</v></c>' +
          '<c r="C2" t="b"><f>1=1</f><v>1</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
          '<c r="E2"><f>TODAY()</f></c><c r="F2" s="1"><f>DATE(2024,5,1)</f><v>45413</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      [
        2,
        6,
        [1, { formula: "SUM(B2:C2)", result: 7.5 }, undefined],
        [2, { formula: '"甲"&"乙"', result: "甲乙" }, undefined],
        [3, { formula: "1=1", result: true }, undefined],
        [4, { formula: "1/0", result: { error: "#DIV/0!" } }, undefined],
        [5, { formula: "TODAY()" }, undefined],
        // a formula's date stays a number: readCell reads it as a date by its format
        [6, { formula: "DATE(2024,5,1)", result: 45413 }, "yyyy-mm-dd"],
      ],
    ]);
  });

  it("joins the runs of inline rich text and leaves out phonetic guides", async () => {
    const rows = await read(
      sheet(
        '<row r="3"><c r="A3" t="inlineStr"><is><r><t>上兰</t></r><r><rPr><b/></rPr><t xml:space="preserve">角村 </t></r>' +
          '<rPh sb="0" eb="2"><t>shanglan</t></rPh></is></c><c r="B3" t="inlineStr"><is><t><![CDATA[<甲>]]></t></is></c></row>',
      ),
    );
    expect(rows).toEqual([[3, 2, [1, "上兰角村 ", undefined], [2, "<甲>", undefined]]]);
  });

  it("numbers rows and cells that carry no reference after the ones before them", async () => {
    const rows = await read(
      sheet(
        '<row r="4"><c r="B4"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>' +
          '<row r="9" spans="1:30"><c r="AD9"><v>4</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      [4, 3, [2, 1, undefined], [3, 2, undefined]],
      [5, 1, [1, 3, undefined]],
      [9, 30, [30, 4, undefined]],
    ]);
  });

  it("skips cells that hold nothing but counts them in the row's width", async () => {
    const rows = await read(
      sheet(
        '<row r="1"><c r="A1" s="1"/><c r="B1"><v></v></c><c r="C1" t="inlineStr"><is><t></t></is></c></row>',
      ),
    );
    expect(rows).toEqual([[1, 3, [3, "", undefined]]]);
  });

  it("reads element names with a namespace prefix", async () => {
    const rows = await read(
      sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>', "x"),
    );
    expect(rows).toEqual([[1, 1, [1, "编号", undefined]]]);
  });

  it("counts dates from 1904 when the workbook says so", async () => {
    const rows = await read(sheet('<row r="1"><c r="A1" s="1"><v>43951</v></c></row>'), {
      ...CONTEXT,
      date1904: true,
    });
    expect(rows).toEqual([[1, 1, [1, new Date("2024-05-01T00:00:00Z"), "yyyy-mm-dd"]]]);
  });

  it("rejects a part that is not well-formed XML", async () => {
    await expect(read(sheet('<row r="1"><c r="A1"><v>1</c></row>'))).rejects.toThrow(
      /closing tag|unexpected close tag/i,
    );
  });
});
