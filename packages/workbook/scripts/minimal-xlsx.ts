import type { ZipFile } from "./write-zip.ts";

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A cell of a hand-made sheet: a number, inline text, or raw cell XML (`{ xml }`) at an address. */
export type HandCell = readonly [
  address: string,
  value: string | number | { readonly xml: string },
];

/** The XML of a sheet of inline-text and number cells, rows in the order given. */
export function sheetXml(cells: readonly HandCell[], padding = ""): string {
  const rows = new Map<number, HandCell[]>();
  for (const cell of cells) {
    const row = Number(/\d+$/.exec(cell[0])?.[0]);
    rows.set(row, [...(rows.get(row) ?? []), cell]);
  }
  const body = [...rows]
    .map(
      ([row, list]) =>
        `<row r="${row}">${list
          .map(([address, value]) =>
            typeof value === "number"
              ? `<c r="${address}"><v>${value}</v></c>`
              : typeof value === "string"
                ? `<c r="${address}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`
                : value.xml.replace("<c", `<c r="${address}"`),
          )
          .join("")}</row>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}${padding}</sheetData></worksheet>`;
}

/** The parts of the smallest workbook Excel opens, with the given sheets' XML. */
export function minimalXlsx(sheets: readonly { name: string; xml: string | Buffer }[]): ZipFile[] {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map(
      (_, index) =>
        `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("")}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map(
      (sheet, index) =>
        `<sheet name="${escape(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
    )
    .join("")}</sheets></workbook>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map(
      (_, index) =>
        `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    )
    .join("")}</Relationships>`;
  return [
    { name: "[Content_Types].xml", data: Buffer.from(types) },
    { name: "_rels/.rels", data: Buffer.from(rels) },
    { name: "xl/workbook.xml", data: Buffer.from(workbook) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(workbookRels) },
    ...sheets.map((sheet, index) => ({
      name: `xl/worksheets/sheet${index + 1}.xml`,
      data: typeof sheet.xml === "string" ? Buffer.from(sheet.xml) : sheet.xml,
    })),
  ];
}
