import { error, hasErrors, parseUnitType, toCents, warning } from "@ceping/engine";
import type {
  Issue,
  MessageCode,
  MessageParams,
  Place,
  RuleLibrary,
  ScoreEntry,
} from "@ceping/engine";
import type { SheetRow } from "./read-sheet-rows.ts";
import { candidateColumns } from "./candidate-columns.ts";
import type { CandidateColumns } from "./candidate-columns.ts";
import { checkXlsxFile } from "./check-xlsx-file.ts";
import { cellPath } from "./column-letter.ts";
import { parseTypedNumber, plainText } from "./convert-field-value.ts";
import { judgedIndicators } from "./judged-indicators.ts";
import type { JudgedIndicator } from "./judged-indicators.ts";
import { describeCell, readCell } from "./read-cell.ts";
import type { CellRead } from "./read-cell.ts";
import { SCORE_SHEET } from "./score-sheet-layout.ts";
import { PartSizeError, streamSheets } from "./stream-sheets.ts";
import { formatBytes } from "./check-xlsx-file.ts";
import { DEFAULT_LIMITS } from "./workbook-limits.ts";
import type { OnWorkbookProgress } from "./workbook-progress.ts";
import type { WorkbookLimits } from "./workbook-limits.ts";

/** How to read reviewers' score sheets back. */
export interface ReadScoreSheetsOptions {
  /** the file's name as places show it @default the path */
  readonly file?: string;
  /** whose sheets these must be: any other name on a sheet is an error */
  readonly reviewer?: string;
  /** the panel's reviewers: a name not among them is an error */
  readonly reviewers?: readonly string[];
  readonly limits?: Partial<WorkbookLimits>;
  /** sheets read so far (one per candidate) */
  readonly onProgress?: OnWorkbookProgress;
}

/** A reviewer's remark on one indicator (备注), with where it was read. */
export interface ScoreNote {
  readonly reviewer: string;
  readonly candidateId: string;
  readonly indicator: string;
  readonly text: string;
  readonly place: Place;
}

type Cells = readonly (CellRead | undefined)[];

interface SheetRead {
  readonly name: string;
  readonly rows: ReadonlyMap<number, Cells>;
}

const { columns: C } = SCORE_SHEET;
const HEADER_KEYS = {
  score: SCORE_SHEET.headers[4],
  note: SCORE_SHEET.headers[5],
  candidate: SCORE_SHEET.headers[6],
  indicator: SCORE_SHEET.headers[7],
} as const;

function cellsOf(row: SheetRow): Cells {
  const cells: (CellRead | undefined)[] = [];
  row.eachCell((cell, column) => {
    const read = readCell(cell.value, cell.numFmt);
    if (read.kind !== "blank") {
      cells[column] = read;
    }
  });
  return cells;
}

function textAt(cells: Cells | undefined, column: number | undefined): string {
  const cell = column === undefined ? undefined : cells?.[column];
  return cell ? plainText(cell).trim() : "";
}

class ScoreSheetsRead {
  readonly issues: Issue[] = [];
  readonly entries: ScoreEntry[] = [];
  readonly notes: ScoreNote[] = [];
  private readonly seen = new Map<string, string>();
  private readonly indicatorCache = new Map<string, ReadonlyMap<string, JudgedIndicator>>();
  private expectedReviewer: string | undefined;
  sheets = 0;
  readonly file: string;
  readonly columns: CandidateColumns;
  readonly options: ReadScoreSheetsOptions;

  constructor(file: string, columns: CandidateColumns, options: ReadScoreSheetsOptions) {
    this.file = file;
    this.columns = columns;
    this.options = options;
    this.expectedReviewer = options.reviewer;
  }

  private at(sheet: string, column: number, row: number): Place {
    return { file: this.file, path: cellPath(sheet, column, row) };
  }

  private report(code: MessageCode, place: Place, params: MessageParams = {}): void {
    this.issues.push(error(code, place, params));
  }

  private indicatorsFor(unitTypeText: string): ReadonlyMap<string, JudgedIndicator> {
    let found = this.indicatorCache.get(unitTypeText);
    if (!found) {
      const unitType = parseUnitType(unitTypeText);
      const tables = unitType
        ? (this.columns.tables.get(unitType) ?? [])
        : [...new Set([...this.columns.tables.values()].flat())];
      found = new Map(judgedIndicators(tables).map((indicator) => [indicator.id, indicator]));
      this.indicatorCache.set(unitTypeText, found);
    }
    return found;
  }

  /** The row numbers of a label in column A, and of the header row, if this is a score sheet. */
  read(sheet: SheetRead): void {
    const { name, rows } = sheet;
    let headerRow: number | undefined;
    const headerColumns = new Map<string, number>();
    for (const [number, cells] of rows) {
      const found = new Map<string, number>();
      cells.forEach((cell, column) => {
        if (cell) {
          found.set(plainText(cell).trim(), column);
        }
      });
      if (found.has(HEADER_KEYS.indicator) && found.has(HEADER_KEYS.score)) {
        headerRow = number;
        for (const [key, label] of Object.entries(HEADER_KEYS)) {
          const column = found.get(label);
          if (column !== undefined) {
            headerColumns.set(key, column);
          }
        }
        break;
      }
    }
    const marked = [...rows.values()].some((cells) =>
      cells.some((cell) => cell !== undefined && plainText(cell) === SCORE_SHEET.marker),
    );
    if (headerRow === undefined || !marked) {
      return;
    }
    this.sheets++;
    const labelRow = (label: string): [number, Cells] | undefined =>
      [...rows].find(([number, cells]) => number < (headerRow ?? 0) && textAt(cells, 1) === label);

    const reviewerRow = labelRow(SCORE_SHEET.reviewerLabel);
    const reviewerPlace = this.at(name, 2, reviewerRow?.[0] ?? SCORE_SHEET.infoRows.reviewer);
    const reviewer = textAt(reviewerRow?.[1], 2);
    const generatedFor = textAt(reviewerRow?.[1], C.candidate);
    const before = this.issues.length;
    if (reviewer === "") {
      this.report("xlsx.reviewer_missing", reviewerPlace);
    } else if (this.expectedReviewer !== undefined && reviewer !== this.expectedReviewer) {
      this.report("xlsx.reviewer_mismatch", reviewerPlace, {
        expected: this.expectedReviewer,
        found: reviewer,
      });
    } else if (generatedFor !== "" && generatedFor !== reviewer) {
      this.report("xlsx.reviewer_mismatch", reviewerPlace, {
        expected: generatedFor,
        found: reviewer,
      });
    } else if (this.options.reviewers && !this.options.reviewers.includes(reviewer)) {
      this.report("xlsx.reviewer_unknown", reviewerPlace, {
        found: reviewer,
        allowed: this.options.reviewers.join("、"),
      });
    }
    this.expectedReviewer ??= reviewer || undefined;
    if (this.issues.length > before) {
      return;
    }

    const candidateRow = labelRow(SCORE_SHEET.candidateLabel);
    const sheetCandidate = textAt(candidateRow?.[1], C.candidate);
    const unitType = textAt(candidateRow?.[1], C.indicator);
    const indicators = this.indicatorsFor(unitType);
    const scoreColumn = headerColumns.get("score") ?? C.score;
    const noteColumn = headerColumns.get("note") ?? C.note;
    const candidateColumn = headerColumns.get("candidate") ?? C.candidate;
    const indicatorColumn = headerColumns.get("indicator") ?? C.indicator;
    const blank: string[] = [];
    for (const [number, cells] of rows) {
      if (number <= headerRow) {
        continue;
      }
      const indicatorId = textAt(cells, indicatorColumn);
      if (indicatorId === "") {
        continue;
      }
      const candidateId = textAt(cells, candidateColumn) || sheetCandidate;
      const place = this.at(name, scoreColumn, number);
      if (candidateId === "") {
        this.report("xlsx.score_sheet_id", place, { what: HEADER_KEYS.candidate, row: number });
        continue;
      }
      const indicator = indicators.get(indicatorId);
      if (!indicator) {
        this.report("xlsx.score_unknown_indicator", place, { indicator: indicatorId });
        continue;
      }
      const key = `${candidateId}\u0000${indicatorId}`;
      const other = this.seen.get(key);
      if (other !== undefined) {
        this.report("xlsx.score_duplicate", place, {
          id: candidateId,
          indicator: indicator.title,
          other,
        });
        continue;
      }
      this.seen.set(key, place.path ?? "");
      const note = textAt(cells, noteColumn);
      if (note !== "") {
        this.notes.push({
          reviewer,
          candidateId,
          indicator: indicatorId,
          text: note,
          place: this.at(name, noteColumn, number),
        });
      }
      const cell = cells[scoreColumn];
      if (cell === undefined) {
        blank.push(place.path ?? "");
        continue;
      }
      const points = this.points(cell, indicator, place);
      if (points !== undefined) {
        this.entries.push({ reviewer, candidateId, indicator: indicatorId, points, place });
      }
    }
    if (blank.length > 0) {
      this.issues.push(
        warning(
          "xlsx.score_blank",
          { file: this.file, path: name },
          { count: blank.length, cells: blank.join("、") },
        ),
      );
    }
  }

  private points(cell: CellRead, indicator: JudgedIndicator, place: Place): number | undefined {
    const found = describeCell(cell);
    const points =
      cell.kind === "number" && !cell.isDate
        ? cell.number
        : cell.kind === "text"
          ? parseTypedNumber(cell.text)
          : undefined;
    if (points === undefined) {
      this.report("xlsx.score_not_number", place, { indicator: indicator.title, found });
      return undefined;
    }
    const cents = Math.round(points * 100);
    if (points < 0 || points > indicator.max || Math.abs(points * 100 - cents) > 1e-6) {
      this.report("xlsx.score_range", place, {
        indicator: indicator.title,
        max: indicator.max,
        found,
      });
      return undefined;
    }
    if (cents % toCents(indicator.step) !== 0) {
      this.report("xlsx.score_step", place, {
        indicator: indicator.title,
        step: indicator.step,
        found,
      });
      return undefined;
    }
    return cents / 100;
  }
}

/**
 * Reads a reviewer's score sheets back (as `writeScoreSheets` wrote them and a reviewer filled
 * them in): rows are found by their hidden candidate and indicator ids, wherever they were moved.
 * Checks the reviewer's name on every sheet (against `reviewer` and `reviewers` when given, and
 * against the name the sheet was made for), and each score's range and step against the tables,
 * each problem at its cell (`拉德村!E5`). A blank score is no score (a warning per sheet). All or
 * nothing: any error gives no entries. Entries go to the engine's `attachScoreEntries`.
 */
export async function readScoreSheets(
  path: string,
  library: RuleLibrary,
  options: ReadScoreSheetsOptions = {},
): Promise<{ entries: ScoreEntry[]; notes: ScoreNote[]; issues: Issue[] }> {
  const file = options.file ?? path;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const checked = await checkXlsxFile(path, { file }, limits);
  if ("issue" in checked) {
    return { entries: [], notes: [], issues: [checked.issue] };
  }
  const state = new ScoreSheetsRead(file, candidateColumns(library), options);
  let sheetsRead = 0;
  try {
    for await (const sheet of streamSheets(path, checked.parts)) {
      const rows = new Map<number, Cells>();
      for await (const batch of sheet.rowBatches()) {
        for (const row of batch) {
          if (row.number > limits.maxRows || row.cellCount > limits.maxColumns) {
            return {
              entries: [],
              notes: [],
              issues: [
                error(
                  row.number > limits.maxRows ? "xlsx.too_many_rows" : "xlsx.too_many_columns",
                  { file, path: cellPath(sheet.name, 1, row.number) },
                  {
                    sheet: sheet.name,
                    limit: row.number > limits.maxRows ? limits.maxRows : limits.maxColumns,
                  },
                ),
              ],
            };
          }
          rows.set(row.number, cellsOf(row));
        }
      }
      state.read({ name: sheet.name, rows });
      options.onProgress?.({ sheet: sheet.name, done: ++sheetsRead });
    }
  } catch (cause) {
    return {
      entries: [],
      notes: [],
      issues: [
        cause instanceof PartSizeError
          ? error(
              "xlsx.size_mismatch",
              { file },
              { entry: cause.part, size: formatBytes(cause.declared) },
            )
          : error("xlsx.corrupt", { file }, { reason: (cause as Error).message }),
      ],
    };
  }
  if (state.sheets === 0) {
    state.issues.push(error("xlsx.no_score_sheet", { file }));
  }
  if (hasErrors(state.issues)) {
    return { entries: [], notes: [], issues: state.issues };
  }
  return { entries: state.entries, notes: state.notes, issues: state.issues };
}
