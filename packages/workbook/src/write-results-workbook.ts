import {
  STATUS_NAMES,
  aggregateScores,
  formatMessage,
  fromCents,
  LEVEL_NAMES,
  LEVELS,
  levelRank,
  toCents,
  UNIT_TYPE_NAMES,
} from "@ceping/engine";
import type { CandidateScore, CompiledRuleSet, Level, LevelScore, Status } from "@ceping/engine";
import type { Alignment, Cell, Fill, Font, Row, Worksheet } from "exceljs";
import { commitRow } from "./commit-row.ts";
import { columnLetter } from "./column-letter.ts";
import { columnWidth } from "./display-width.ts";
import { HEADER_FILL, THIN_BORDER } from "./write-table-sheet.ts";
import { writeText } from "./write-text.ts";
import type { OnWorkbookProgress } from "./workbook-progress.ts";
import { writeWorkbookFile } from "./write-workbook-file.ts";
import type { WorkbookWriter } from "./write-workbook-file.ts";

/** What the results workbook says besides the results. */
export interface WriteResultsWorkbookOptions {
  /** the assessment date, ISO */
  readonly on: string;
  /** the assessment log's final hash, printed on the summary and the notice */
  readonly finalHash?: string;
  /** the title of the summary and the notice @default 民族团结进步示范单位测评 */
  readonly title?: string;
  /** lines (a candidate at a level) written, sheet by sheet */
  readonly onProgress?: OnWorkbookProgress;
}

/** Counts a sheet's lines as they are written. */
type Tick = () => void;

const VETO_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const NEAR_MISS_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
const MISSING_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const PENDING_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const POINTS = "0.00";
// shared, never changed: rows are written with one style object per kind of cell (commit-row.ts)
const BOLD: Partial<Font> = { bold: true };
const STRUCK: Partial<Font> = { strike: true, color: { argb: "FF7F7F7F" } };
const WRAP_MIDDLE: Partial<Alignment> = { wrapText: true, vertical: "middle" };
const CENTER_MIDDLE: Partial<Alignment> = { horizontal: "center", vertical: "middle" };
const CENTER_MIDDLE_WRAP: Partial<Alignment> = { ...CENTER_MIDDLE, wrapText: true };
const NUMERALS = ["一", "二", "三", "四", "五", "六"];
// complete totals are ranked; a veto, a pending panel or missing data leaves a total unranked
const RANKED: ReadonlySet<Status> = new Set(["eligible", "below_threshold", "precondition_failed"]);
const HIGH_TO_LOW: readonly Level[] = [...LEVELS].reverse();

interface Line {
  readonly result: CandidateScore;
  readonly score: LevelScore;
}

function landscape(workbook: WorkbookWriter, name: string, titleRows: number): Worksheet {
  return workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: titleRows }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${titleRows}`,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
}

function titleRow(sheet: Worksheet, number: number, text: string, span: number, size = 14): void {
  const row = sheet.getRow(number);
  writeText(row.getCell(1), text);
  row.getCell(1).font = { bold: true, size };
  row.getCell(1).alignment = CENTER_MIDDLE_WRAP;
  row.height = size * 2;
  if (span > 1) {
    sheet.mergeCells(number, 1, number, span);
  }
  commitRow(row);
}

function headerRow(row: Row, labels: readonly string[]): void {
  labels.forEach((label, index) => {
    const cell = row.getCell(index + 1);
    writeText(cell, label);
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = CENTER_MIDDLE_WRAP;
  });
  commitRow(row);
}

function points(cell: Cell, cents: number): void {
  cell.value = fromCents(cents);
  cell.numFmt = POINTS;
}

function fillRow(row: Row, count: number, fill: Fill | undefined): void {
  for (let column = 1; column <= count; column++) {
    const cell = row.getCell(column);
    cell.border = THIN_BORDER;
    if (fill) {
      cell.fill = fill;
    }
  }
}

function reasonsOf(score: LevelScore): string {
  return score.reasons.map((reason) => formatMessage(reason, "zh")).join("；");
}

/** Ranks inside one level: ranked statuses by total (ties share a rank), then the rest. */
function ranked(lines: readonly Line[]): { line: Line; rank?: number }[] {
  const byTotal = (a: Line, b: Line) =>
    b.score.total - a.score.total || a.result.candidate.id.localeCompare(b.result.candidate.id);
  const ranks = lines.filter((line) => RANKED.has(line.score.status)).sort(byTotal);
  const rest = lines.filter((line) => !RANKED.has(line.score.status)).sort(byTotal);
  const out: { line: Line; rank?: number }[] = [];
  ranks.forEach((line, index) => {
    const previous = out[index - 1];
    const rank =
      previous && previous.line.score.total === line.score.total ? previous.rank : index + 1;
    out.push({ line, ...(rank !== undefined && { rank }) });
  });
  return [...out, ...rest.map((line) => ({ line }))];
}

function linesByLevel(results: readonly CandidateScore[]): Map<Level, Line[]> {
  const byLevel = new Map<Level, Line[]>();
  for (const level of HIGH_TO_LOW) {
    const lines = results.flatMap((result) =>
      result.levels.filter((score) => score.level === level).map((score) => ({ result, score })),
    );
    if (lines.length > 0) {
      byLevel.set(level, lines);
    }
  }
  return byLevel;
}

function writeSummary(
  workbook: WorkbookWriter,
  results: readonly CandidateScore[],
  options: WriteResultsWorkbookOptions,
  tick: Tick,
): void {
  const labels = ["级别", "排名", "编号", "名称", "类型", "总分", "基础分", "加分", "结论", "原因"];
  const sheet = landscape(workbook, "汇总", 3);
  const byLevel = linesByLevel(results);
  const all = [...byLevel.values()].flat();
  sheet.columns = [
    { width: 10 },
    { width: 6 },
    {
      width: columnWidth(
        all.map((line) => line.result.candidate.id),
        8,
        16,
      ),
    },
    {
      width: columnWidth(
        all.map((line) => line.result.candidate.name),
        12,
        30,
      ),
    },
    { width: 12 },
    { width: 8 },
    { width: 8 },
    { width: 7 },
    { width: 14 },
    { width: 70 },
  ];
  titleRow(sheet, 1, `${options.title ?? "民族团结进步示范单位测评"}结果汇总`, labels.length, 16);
  const sub = sheet.getRow(2);
  writeText(
    sub.getCell(1),
    `测评日期：${options.on}${options.finalHash ? `\u3000\u3000结果校验码：${options.finalHash}` : ""}`,
  );
  sheet.mergeCells(2, 1, 2, labels.length);
  commitRow(sub);
  headerRow(sheet.getRow(3), labels);
  sheet.autoFilter = `A3:${columnLetter(labels.length)}3`;
  let number = 4;
  for (const [level, lines] of byLevel) {
    for (const { line, rank } of ranked(lines)) {
      const { result, score } = line;
      const row = sheet.getRow(number++);
      writeText(row.getCell(1), LEVEL_NAMES[level]);
      if (rank !== undefined) {
        row.getCell(2).value = rank;
      }
      writeText(row.getCell(3), result.candidate.id);
      writeText(row.getCell(4), result.candidate.name);
      writeText(row.getCell(5), UNIT_TYPE_NAMES[result.candidate.unitType]);
      points(row.getCell(6), score.total);
      points(row.getCell(7), score.base);
      points(row.getCell(8), score.bonus);
      writeText(
        row.getCell(9),
        score.nearMiss && score.status === "below_threshold"
          ? `${STATUS_NAMES[score.status].zh}（临界）`
          : STATUS_NAMES[score.status].zh,
      );
      writeText(row.getCell(10), reasonsOf(score));
      row.getCell(10).alignment = WRAP_MIDDLE;
      fillRow(
        row,
        labels.length,
        score.status === "vetoed" ? VETO_FILL : score.nearMiss ? NEAR_MISS_FILL : undefined,
      );
      commitRow(row);
      tick();
    }
  }
  const legend = sheet.getRow(number + 1);
  writeText(
    legend.getCell(1),
    "说明：红底为一票否决，黄底为距测评标准仅差几分（临界）；排名只计测评完整的单位，一票否决、待评审、资料不全的单位不排名。",
  );
  sheet.mergeCells(number + 1, 1, number + 1, labels.length);
  commitRow(legend);
  sheet.commit();
}

function tablesOf(results: readonly CandidateScore[]): CompiledRuleSet[] {
  const tables = new Map<string, CompiledRuleSet>();
  for (const result of results) {
    for (const score of result.levels) {
      tables.set(score.compiled.ruleSet.id, score.compiled);
    }
  }
  return [...tables.values()].sort(
    (a, b) =>
      levelRank(a.ruleSet.level) - levelRank(b.ruleSet.level) ||
      a.ruleSet.id.localeCompare(b.ruleSet.id),
  );
}

function writeDetail(
  workbook: WorkbookWriter,
  results: readonly CandidateScore[],
  tick: Tick,
): void {
  const sheet = workbook.addWorksheet("明细", {
    views: [{ state: "frozen", xSplit: 3 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const tables = tablesOf(results);
  const widest = Math.max(
    0,
    ...tables.map((table) => table.indicators.length + table.ruleSet.categories.length + 5),
  );
  sheet.columns = [
    { width: 10 },
    { width: 16 },
    { width: 10 },
    ...Array.from({ length: widest }, () => ({ width: 10 })),
  ];
  let number = 1;
  for (const table of tables) {
    const { ruleSet } = table;
    const lines = results.flatMap((result) =>
      result.levels.filter((score) => score.compiled === table).map((score) => ({ result, score })),
    );
    titleRow(
      sheet,
      number++,
      `${ruleSet.title}（${ruleSet.id}，${ruleSet.version}）`,
      3 + widest,
      12,
    );
    // two header rows: first-level indicators over their second-level ones
    const groups: { title: string; columns: (number | "subtotal" | "bonus")[] }[] = [];
    ruleSet.categories.forEach((category, index) => {
      const members = table.indicators
        .map((entry, position) => ({ entry, position }))
        .filter(({ entry }) => entry.category === index)
        .map(({ position }) => position);
      groups.push({
        title: `${category.title}（${category.max}）`,
        columns: [...members, "subtotal"],
      });
    });
    const bonus = table.indicators
      .map((entry, position) => ({ entry, position }))
      .filter(({ entry }) => entry.category < 0)
      .map(({ position }) => position);
    if (bonus.length > 0) {
      groups.push({ title: `加分项（上限 ${ruleSet.scale.bonus}）`, columns: [...bonus, "bonus"] });
    }
    const top = sheet.getRow(number);
    const second = sheet.getRow(number + 1);
    const fixed = ["编号", "名称", "类型"];
    fixed.forEach((label, index) => {
      for (const row of [top, second]) {
        const cell = row.getCell(index + 1);
        writeText(cell, label);
        cell.font = BOLD;
        cell.fill = HEADER_FILL;
        cell.border = THIN_BORDER;
        cell.alignment = CENTER_MIDDLE;
      }
    });
    let column = fixed.length + 1;
    const layout: (number | "subtotal" | "bonus" | "base" | "total" | "status")[] = [];
    groups.forEach((group) => {
      const start = column;
      for (const member of group.columns) {
        const cell = second.getCell(column);
        if (typeof member === "number") {
          const entry = table.indicators[member];
          writeText(cell, `${entry?.indicator.title ?? ""}（${fromCents(entry?.max ?? 0)}）`);
          cell.note = entry?.indicator.id ?? "";
        } else {
          writeText(cell, member === "subtotal" ? "小计" : "加分");
        }
        layout.push(member === "subtotal" ? "subtotal" : member);
        column++;
      }
      const head = top.getCell(start);
      writeText(head, group.title);
      for (let index = start; index < column; index++) {
        for (const row of [top, second]) {
          const cell = row.getCell(index);
          cell.font = BOLD;
          cell.fill = HEADER_FILL;
          cell.border = THIN_BORDER;
          cell.alignment = CENTER_MIDDLE_WRAP;
        }
      }
      if (column - 1 > start) {
        sheet.mergeCells(number, start, number, column - 1);
      }
    });
    for (const label of ["基础分", "总分", "结论"]) {
      for (const row of [top, second]) {
        const cell = row.getCell(column);
        writeText(cell, label);
        cell.font = BOLD;
        cell.fill = HEADER_FILL;
        cell.border = THIN_BORDER;
        cell.alignment = CENTER_MIDDLE;
      }
      layout.push(label === "基础分" ? "base" : label === "总分" ? "total" : "status");
      column++;
    }
    top.height = 30;
    second.height = 110;
    commitRow(top);
    commitRow(second);
    number += 2;
    for (const { result, score } of lines) {
      const row = sheet.getRow(number++);
      writeText(row.getCell(1), result.candidate.id);
      writeText(row.getCell(2), result.candidate.name);
      writeText(row.getCell(3), UNIT_TYPE_NAMES[result.candidate.unitType]);
      let categoryIndex = 0;
      layout.forEach((member, index) => {
        const cell = row.getCell(fixed.length + 1 + index);
        cell.border = THIN_BORDER;
        if (typeof member === "number") {
          points(cell, score.indicators[member] ?? 0);
          const state = score.states[member];
          if (state === "missing") {
            cell.fill = MISSING_FILL;
          } else if (state === "pending") {
            cell.fill = PENDING_FILL;
          }
        } else if (member === "subtotal") {
          points(cell, score.categories[categoryIndex++] ?? 0);
          cell.font = BOLD;
        } else if (member === "bonus") {
          points(cell, score.bonus);
          cell.font = BOLD;
        } else if (member === "base") {
          points(cell, score.base);
        } else if (member === "total") {
          points(cell, score.total);
          cell.font = BOLD;
        } else {
          writeText(cell, STATUS_NAMES[score.status].zh);
        }
      });
      fillRow(row, 3, score.status === "vetoed" ? VETO_FILL : undefined);
      commitRow(row);
      tick();
    }
    number++;
  }
  const legend = sheet.getRow(number);
  writeText(
    legend.getCell(1),
    "说明：灰底为缺少数据按 0 计的指标，浅黄底为评委评分人数不足、待评审的指标。",
  );
  commitRow(legend);
  sheet.commit();
}

function writeReviewerScores(
  workbook: WorkbookWriter,
  results: readonly CandidateScore[],
  tick: Tick,
): void {
  const reviewers: string[] = [];
  for (const result of results) {
    for (const reviewer of Object.keys(result.candidate.scores)) {
      if (!reviewers.includes(reviewer)) {
        reviewers.push(reviewer);
      }
    }
  }
  const labels = ["级别", "编号", "名称", "指标", "指标编号", "满分", ...reviewers, "合分", "分歧"];
  const sheet = landscape(workbook, "评委评分", 1);
  sheet.columns = labels.map((label, index) => ({
    width: index === 3 ? 40 : index === labels.length - 1 ? 22 : columnWidth([label], 8, 16),
  }));
  headerRow(sheet.getRow(1), labels);
  let number = 2;
  for (const { result, score } of linesInOrder(results)) {
    const { candidate } = result;
    score.compiled.indicators.forEach((entry, index) => {
      if (entry.indicator.scoring.kind !== "judged") {
        return;
      }
      const id = entry.indicator.id;
      const given = reviewers.map((reviewer) => candidate.scores[reviewer]?.[id]);
      const scored = given
        .map((value, position) => ({ value, position }))
        .filter((item): item is { value: number; position: number } => item.value !== undefined);
      const kept = new Set(
        aggregateScores(
          scored.map((item) => toCents(item.value)),
          score.compiled.ruleSet.panel,
        )?.kept.map((position) => scored[position]?.position) ?? [],
      );
      const row = sheet.getRow(number++);
      writeText(row.getCell(1), LEVEL_NAMES[score.level]);
      writeText(row.getCell(2), candidate.id);
      writeText(row.getCell(3), candidate.name);
      writeText(row.getCell(4), entry.indicator.title);
      writeText(row.getCell(5), id);
      row.getCell(6).value = fromCents(entry.max);
      given.forEach((value, position) => {
        if (value === undefined) {
          return;
        }
        const cell = row.getCell(7 + position);
        cell.value = value;
        if (!kept.has(position)) {
          // a score the trimmed mean dropped
          cell.font = STRUCK;
        }
      });
      const aggregate = row.getCell(7 + reviewers.length);
      if (score.states[index] === "pending") {
        writeText(aggregate, "待评审");
        aggregate.fill = PENDING_FILL;
      } else {
        points(aggregate, score.indicators[index] ?? 0);
        aggregate.font = BOLD;
      }
      const values = scored.map((item) => item.value);
      const spread = values.length > 1 ? Math.max(...values) - Math.min(...values) : 0;
      const flag = row.getCell(8 + reviewers.length);
      if (spread * 2 > fromCents(entry.max)) {
        writeText(flag, `分歧较大（相差 ${Number(spread.toFixed(2))} 分）`);
        flag.fill = NEAR_MISS_FILL;
      }
      fillRow(row, labels.length, undefined);
      row.getCell(4).alignment = WRAP_MIDDLE;
      commitRow(row);
    });
    tick();
  }
  const legend = sheet.getRow(number + 1);
  writeText(
    legend.getCell(1),
    "说明：划线的分数在去掉最高分、最低分时被去掉；评分相差超过该项满分一半的标为“分歧较大”。",
  );
  commitRow(legend);
  sheet.commit();
}

function linesInOrder(results: readonly CandidateScore[]): Line[] {
  return results.flatMap((result) => result.levels.map((score) => ({ result, score })));
}

function writeProblems(
  workbook: WorkbookWriter,
  results: readonly CandidateScore[],
  tick: Tick,
): void {
  const labels = ["编号", "名称", "级别", "类别", "项目", "说明"];
  const sheet = landscape(workbook, "否决与缺项", 1);
  sheet.columns = [
    { width: 10 },
    { width: 16 },
    { width: 10 },
    { width: 12 },
    { width: 36 },
    { width: 60 },
  ];
  headerRow(sheet.getRow(1), labels);
  let number = 2;
  const add = (line: Line, kind: string, item: string, note: string, fill?: Fill) => {
    const row = sheet.getRow(number++);
    writeText(row.getCell(1), line.result.candidate.id);
    writeText(row.getCell(2), line.result.candidate.name);
    writeText(row.getCell(3), LEVEL_NAMES[line.score.level]);
    writeText(row.getCell(4), kind);
    writeText(row.getCell(5), item);
    writeText(row.getCell(6), note);
    row.getCell(5).alignment = WRAP_MIDDLE;
    row.getCell(6).alignment = WRAP_MIDDLE;
    fillRow(row, labels.length, fill);
    commitRow(row);
  };
  for (const line of linesInOrder(results)) {
    const { score } = line;
    const { ruleSet } = score.compiled;
    for (const id of score.vetoes) {
      const veto = ruleSet.vetoes.find((entry) => entry.id === id);
      add(
        line,
        "一票否决",
        `${veto?.title ?? id}（${id}）`,
        veto?.raisedBy === "panel" ? "评审组提出" : "由申报数据判定",
        VETO_FILL,
      );
    }
    for (const id of score.missing) {
      const field = ruleSet.fields[id];
      add(
        line,
        "缺项",
        `${field?.label ?? id}（${id}）`,
        field?.required ? "必填项缺失，结论为资料不全" : "缺少数据，相关指标按 0 计",
      );
    }
    score.compiled.indicators.forEach((entry, index) => {
      if (score.states[index] === "pending") {
        add(
          line,
          "待评审",
          `${entry.indicator.title}（${entry.indicator.id}）`,
          `评分的评委不足 ${ruleSet.panel.minReviewers} 人`,
        );
      }
    });
    for (const reason of score.reasons) {
      if (reason.code === "reason.requirement" || reason.code.startsWith("reason.title_")) {
        add(line, "申报条件", "", formatMessage(reason, "zh"));
      }
    }
    tick();
  }
  if (number === 2) {
    const row = sheet.getRow(number);
    writeText(row.getCell(1), "无一票否决、缺项或待评审事项。");
    commitRow(row);
  }
  sheet.commit();
}

function writeNotice(
  workbook: WorkbookWriter,
  results: readonly CandidateScore[],
  options: WriteResultsWorkbookOptions,
): void {
  const sheet = workbook.addWorksheet("公示名单", {
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.8, right: 0.8, top: 1, bottom: 1, header: 0.5, footer: 0.5 },
    },
  });
  sheet.columns = [{ width: 8 }, { width: 46 }, { width: 18 }];
  const span = 3;
  let number = 1;
  const line = (
    text: string,
    options: {
      bold?: boolean;
      size?: number;
      align?: "left" | "right" | "center";
      height?: number;
    } = {},
  ) => {
    const row = sheet.getRow(number);
    const cell = row.getCell(1);
    writeText(cell, text);
    cell.font = { bold: options.bold ?? false, size: options.size ?? 12 };
    cell.alignment = { horizontal: options.align ?? "left", vertical: "middle", wrapText: true };
    if (options.height) {
      row.height = options.height;
    }
    sheet.mergeCells(number, 1, number, span);
    commitRow(row);
    number++;
  };
  line(`${options.title ?? "民族团结进步示范单位"}拟命名名单公示`, {
    bold: true,
    size: 18,
    align: "center",
    height: 40,
  });
  line(
    `根据测评结果（测评日期：${options.on}），以下单位达到相应级别民族团结进步示范单位测评标准，拟予命名，现予以公示。`,
    { height: 45 },
  );
  const named = new Map<Level, CandidateScore[]>();
  for (const result of results) {
    if (result.highest) {
      named.set(result.highest, [...(named.get(result.highest) ?? []), result]);
    }
  }
  let section = 0;
  for (const level of HIGH_TO_LOW) {
    const list = named.get(level);
    if (!list) {
      continue;
    }
    number++;
    line(
      `${NUMERALS[section++] ?? section}、${LEVEL_NAMES[level]}民族团结进步示范单位（${list.length} 个）`,
      { bold: true, height: 24 },
    );
    headerRow(sheet.getRow(number++), ["序号", "名称", "类型"]);
    list.forEach((result, index) => {
      const row = sheet.getRow(number++);
      row.getCell(1).value = index + 1;
      writeText(row.getCell(2), result.candidate.name);
      writeText(row.getCell(3), UNIT_TYPE_NAMES[result.candidate.unitType]);
      fillRow(row, 3, undefined);
      row.getCell(1).alignment = { horizontal: "center" };
      row.height = 20;
      commitRow(row);
    });
  }
  if (section === 0) {
    line("（本次测评没有达到测评标准的单位）");
  }
  number++;
  line("公示期：______年____月____日至______年____月____日（共____个工作日）。", { height: 24 });
  line(
    "公示期间，如对公示单位有异议，请以书面形式向____________________反映（联系电话：______________）。",
    { height: 40 },
  );
  number++;
  line("（盖章）", { align: "right" });
  line("______年____月____日", { align: "right" });
  if (options.finalHash) {
    number++;
    line(`结果校验码：${options.finalHash}`, { size: 9 });
  }
  sheet.commit();
}

/**
 * Writes the results workbook (`ceping score --format xlsx`, `ceping export`) from the engine's
 * results: 汇总 (by level, ranked by total, vetoes and near misses marked), 明细 (candidates ×
 * indicators with category subtotals, per table), 评委评分 (each reviewer's scores, the panel's
 * aggregate, dropped scores struck through, wide disagreements flagged), 否决与缺项 and 公示名单
 * (the candidates at their highest eligible level, in the form of a public notice).
 */
export async function writeResultsWorkbook(
  path: string,
  results: readonly CandidateScore[],
  options: WriteResultsWorkbookOptions,
): Promise<void> {
  const total = results.reduce((sum, result) => sum + result.levels.length, 0);
  const counter = (sheet: string): Tick => {
    let done = 0;
    return () => options.onProgress?.({ sheet, done: ++done, total });
  };
  await writeWorkbookFile(path, (workbook) => {
    writeSummary(workbook, results, options, counter("汇总"));
    writeDetail(workbook, results, counter("明细"));
    writeReviewerScores(workbook, results, counter("评委评分"));
    writeProblems(workbook, results, counter("否决与缺项"));
    writeNotice(workbook, results, options);
  });
}
