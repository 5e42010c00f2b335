import { LEVEL_NAMES, UNIT_TYPE_NAMES } from "@ceping/engine";
import type { Candidate, RuleLibrary } from "@ceping/engine";
import type { Borders, Cell, Fill } from "exceljs";
import { commitRow } from "./commit-row.ts";
import { addValidation } from "./add-validation.ts";
import { candidateColumns } from "./candidate-columns.ts";
import { columnLetter } from "./column-letter.ts";
import { displayWidth } from "./display-width.ts";
import { judgedIndicators } from "./judged-indicators.ts";
import { SCORE_SHEET } from "./score-sheet-layout.ts";
import { uniqueSheetName } from "./sheet-name.ts";
import { HEADER_FILL, THIN_BORDER } from "./write-table-sheet.ts";
import { writeText } from "./write-text.ts";
import type { OnWorkbookProgress } from "./workbook-progress.ts";
import { writeWorkbookFile } from "./write-workbook-file.ts";

/** How to write reviewers' score sheets. */
export interface WriteScoreSheetsOptions {
  /** the sheets' title @default 民族团结进步示范单位测评评分表 */
  readonly title?: string;
  /** the assessment date, printed on each sheet */
  readonly on?: string;
  /** a password for the sheet protection @default none: protection guards against slips, not people */
  readonly password?: string;
  /** candidates written (one sheet each) */
  readonly onProgress?: OnWorkbookProgress;
}

const INPUT_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF9E6" } };
const LINE: Partial<Borders> = { bottom: { style: "thin", color: { argb: "FF000000" } } };
// 分值 and 得分 are narrow columns but hold the labels 测评级别： and 测评日期： above the table
const WIDTHS = [14, 34, 10, 40, 10, 18, 12, 18];
const { columns: C, infoRows, headerRow } = SCORE_SHEET;

function text(cell: Cell, value: string, bold = false): void {
  writeText(cell, value);
  if (bold) {
    cell.font = { bold: true };
  }
}

function lines(value: string, width: number): number {
  return value
    .split("\n")
    .reduce(
      (sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))),
      0,
    );
}

/**
 * Writes one reviewer's score sheets (`ceping sheet`): one printable 评分表 per candidate, with
 * a row per judged indicator of the tables scoring it (一级指标, 二级指标, 分值, 评分方法, 得分,
 * 备注), a total that sums, and a signature line. Only the score and note cells can be edited;
 * each score cell accepts numbers from 0 to the maximum in its step. Hidden columns carry the
 * candidate and indicator ids, so `readScoreSheets` reads a sheet back even if rows were moved.
 * Candidates whose unit type no table scores get no sheet.
 */
export async function writeScoreSheets(
  path: string,
  library: RuleLibrary,
  candidates: readonly Candidate[],
  reviewer: string,
  options: WriteScoreSheetsOptions = {},
): Promise<void> {
  const { tables } = candidateColumns(library);
  const used = new Set<string>();
  let written = 0;
  await writeWorkbookFile(path, async (workbook) => {
    for (const candidate of candidates) {
      const scoring = tables.get(candidate.unitType) ?? [];
      const indicators = judgedIndicators(scoring);
      if (indicators.length === 0) {
        continue;
      }
      const sheet = workbook.addWorksheet(uniqueSheetName(candidate.name, used), {
        pageSetup: {
          paperSize: 9,
          orientation: "portrait",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          horizontalCentered: true,
          printTitlesRow: `1:${headerRow}`,
          margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        },
        headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
        views: [{ state: "frozen", ySplit: headerRow }],
      });
      sheet.columns = WIDTHS.map((width, index) => ({
        width,
        hidden: index + 1 >= C.candidate,
      }));

      const title = sheet.getRow(1);
      text(title.getCell(1), options.title ?? SCORE_SHEET.title);
      title.getCell(1).font = { bold: true, size: 16 };
      title.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
      text(title.getCell(C.candidate), SCORE_SHEET.marker);
      title.height = 30;
      sheet.mergeCells(1, 1, 1, C.note);
      commitRow(title);

      const info = sheet.getRow(infoRows.candidate);
      text(info.getCell(1), SCORE_SHEET.candidateLabel, true);
      text(info.getCell(2), candidate.name);
      text(info.getCell(3), SCORE_SHEET.typeLabel, true);
      text(info.getCell(4), UNIT_TYPE_NAMES[candidate.unitType]);
      text(info.getCell(5), SCORE_SHEET.idLabel, true);
      text(info.getCell(6), candidate.id);
      text(info.getCell(C.candidate), candidate.id);
      text(info.getCell(C.indicator), candidate.unitType);
      commitRow(info);

      const who = sheet.getRow(infoRows.reviewer);
      text(who.getCell(1), SCORE_SHEET.reviewerLabel, true);
      text(who.getCell(2), reviewer);
      text(who.getCell(3), SCORE_SHEET.levelsLabel, true);
      text(who.getCell(4), scoring.map((table) => LEVEL_NAMES[table.ruleSet.level]).join("、"));
      if (options.on) {
        text(who.getCell(5), SCORE_SHEET.dateLabel, true);
        text(who.getCell(6), options.on);
      }
      text(who.getCell(C.candidate), reviewer);
      commitRow(who);

      const header = sheet.getRow(headerRow);
      SCORE_SHEET.headers.forEach((label, index) => {
        const cell = header.getCell(index + 1);
        text(cell, label, true);
        cell.fill = HEADER_FILL;
        cell.border = THIN_BORDER;
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      });
      header.height = 22;
      commitRow(header);

      const first = headerRow + 1;
      indicators.forEach((indicator, index) => {
        const number = first + index;
        const row = sheet.getRow(number);
        text(row.getCell(C.category), indicator.category);
        text(row.getCell(C.title), indicator.title);
        row.getCell(C.max).value = indicator.max;
        text(row.getCell(C.method), indicator.method);
        text(row.getCell(C.candidate), candidate.id);
        text(row.getCell(C.indicator), indicator.id);
        for (let column = 1; column <= C.note; column++) {
          const cell = row.getCell(column);
          cell.border = THIN_BORDER;
          cell.alignment = {
            vertical: "middle",
            wrapText: true,
            ...(column === C.max || column === C.score ? { horizontal: "center" } : {}),
          };
        }
        for (const column of [C.score, C.note]) {
          const cell = row.getCell(column);
          cell.protection = { locked: false };
          cell.fill = INPUT_FILL;
        }
        row.getCell(C.score).numFmt = "0.##";
        const address = `${columnLetter(C.score)}${number}`;
        addValidation(sheet, address, {
          type: "custom",
          allowBlank: true,
          formulae: [
            `AND(ISNUMBER(${address}),${address}>=0,${address}<=${indicator.max},ABS(${address}/${indicator.step}-ROUND(${address}/${indicator.step},0))<0.000001)`,
          ],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "得分超出范围",
          error: `请填写 0 到 ${indicator.max} 之间、${indicator.step} 的整数倍的分数`,
          showInputMessage: true,
          promptTitle: `满分 ${indicator.max}`,
          prompt: `0～${indicator.max}，步长 ${indicator.step}`,
        });
        row.height =
          15 *
          Math.max(
            lines(indicator.title, WIDTHS[C.title - 1] ?? 30),
            lines(indicator.method, WIDTHS[C.method - 1] ?? 30),
            lines(indicator.category, WIDTHS[C.category - 1] ?? 14),
          );
        commitRow(row);
      });

      const last = first + indicators.length - 1;
      const total = sheet.getRow(last + 1);
      text(total.getCell(1), SCORE_SHEET.totalLabel, true);
      total.getCell(C.max).value = {
        formula: `SUM(${columnLetter(C.max)}${first}:${columnLetter(C.max)}${last})`,
        result:
          indicators.reduce((sum, indicator) => sum + Math.round(indicator.max * 100), 0) / 100,
      };
      total.getCell(C.score).value = {
        formula: `SUM(${columnLetter(C.score)}${first}:${columnLetter(C.score)}${last})`,
        result: 0,
      };
      for (let column = 1; column <= C.note; column++) {
        const cell = total.getCell(column);
        cell.border = THIN_BORDER;
        cell.font = { bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle" };
      }
      total.height = 20;
      sheet.mergeCells(last + 1, 1, last + 1, 2);
      commitRow(total);

      const signature = sheet.getRow(last + 3);
      text(signature.getCell(1), SCORE_SHEET.signatureLabel, true);
      signature.getCell(2).border = LINE;
      text(signature.getCell(C.method), SCORE_SHEET.signatureDateLabel, true);
      signature.getCell(C.method).alignment = { horizontal: "right" };
      signature.getCell(C.score).border = LINE;
      signature.getCell(C.note).border = LINE;
      signature.height = 28;
      commitRow(signature);

      await sheet.protect(options.password ?? "", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });
      sheet.commit();
      options.onProgress?.({ sheet: sheet.name, done: ++written, total: candidates.length });
    }
  });
}
