import {
  checkFieldValue,
  error,
  hasErrors,
  LEVEL_NAMES,
  LEVELS,
  parseLevel,
  parseUnitType,
  UNIT_TYPE_NAMES,
  warning,
} from "@ceping/engine";
import type {
  Candidate,
  FieldSpec,
  Issue,
  MessageCode,
  MessageParams,
  Place,
  RuleLibrary,
  Title,
  UnitType,
} from "@ceping/engine";
import type { SheetCell, SheetRow } from "./read-sheet-rows.ts";
import {
  CANDIDATE_SHEET,
  candidateColumns,
  CHOICES_SHEET,
  EXAMPLE_ID_PREFIX,
  GUIDE_SHEET,
  headerKey,
  ID_HEADER,
  NAME_HEADER,
  TITLE_HEADERS,
  TITLES_SHEET,
  TYPE_HEADER,
  unitTypeChoices,
} from "./candidate-columns.ts";
import type { CandidateColumns, ListColumns } from "./candidate-columns.ts";
import { checkXlsxFile } from "./check-xlsx-file.ts";
import { cellPath } from "./column-letter.ts";
import { convertFieldValue, plainText } from "./convert-field-value.ts";
import type { FieldShape } from "./convert-field-value.ts";
import { readCell } from "./read-cell.ts";
import type { CellRead } from "./read-cell.ts";
import { PartSizeError, streamSheets } from "./stream-sheets.ts";
import { formatBytes } from "./check-xlsx-file.ts";
import type { StreamedSheet } from "./stream-sheets.ts";
import { DEFAULT_LIMITS } from "./workbook-limits.ts";
import type { OnWorkbookProgress } from "./workbook-progress.ts";
import type { WorkbookLimits } from "./workbook-limits.ts";

/** How to read a candidate workbook. */
export interface ReadCandidateWorkbookOptions {
  /** the file's name as places show it @default the path */
  readonly file?: string;
  /** bounds on the file, its unpacked size, rows and columns @default DEFAULT_LIMITS */
  readonly limits?: Partial<WorkbookLimits>;
  /** rows read so far, sheet by sheet */
  readonly onProgress?: OnWorkbookProgress;
}

type RawCells = readonly (SheetCell | undefined)[];

/** A cell of a row as plain data, or undefined when it is blank. */
function cellAt(cells: RawCells, column: number | undefined): CellRead | undefined {
  const cell = column === undefined ? undefined : cells[column];
  if (cell === undefined) {
    return undefined;
  }
  const read = readCell(cell.value, cell.numFmt);
  return read.kind === "blank" ? undefined : read;
}

/** Whether the engine's checkFieldValue accepts a converted value as it is, without allocating. */
function plainlyValid(value: unknown, spec: FieldSpec): boolean {
  switch (spec.type) {
    case "integer":
    case "number":
    case "ratio": {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        return false;
      }
      if (spec.type === "integer" && !Number.isInteger(value)) {
        return false;
      }
      const min = spec.min ?? (spec.type === "ratio" ? 0 : -Infinity);
      const max = spec.max ?? (spec.type === "ratio" ? 1 : Infinity);
      return value >= min && value <= max;
    }
    case "boolean":
      return typeof value === "boolean";
    case "string":
    case "date":
      // dates come from our own conversion, always a real YYYY-MM-DD
      return typeof value === "string";
    case "enum":
      return typeof value === "string" && (spec.values ?? []).includes(value);
  }
}

type Target =
  | { readonly kind: "id" | "name" | "type" | "level" | "awarded" | "revoked" }
  | { readonly kind: "field"; readonly id: string; readonly spec: FieldSpec };

interface Header {
  /** by column number */
  readonly targets: readonly (Target | undefined)[];
  readonly columnOf: ReadonlyMap<string, number>;
  /** per unit type, the specs of each column (filled as rows of each type come) */
  readonly specs: Map<string, readonly (readonly FieldSpec[] | undefined)[]>;
  /** the class of a row's data places, made once per sheet */
  places?: new (row: number) => Record<string, Place>;
}

const ROW = Symbol("row");
const NOT_READ = Symbol("not read");

interface Draft {
  readonly sheet: string;
  /** whether the unit type was read (else `unitType` is a stand-in) */
  readonly typeKnown: boolean;
  readonly id: string;
  readonly name: string;
  readonly unitType: UnitType;
  readonly row: number;
  readonly idColumn: number;
  readonly typeColumn: number;
  readonly data: Record<string, unknown>;
  /** rows of each list sheet, by list id */
  readonly lists: Map<string, unknown[]>;
  readonly dataPlaces: Record<string, Place>;
  readonly titles: Title[];
}

interface PendingTitle {
  readonly id: string;
  readonly sheet: string;
  readonly column: number;
  readonly row: number;
  readonly title?: Title;
}

interface PendingListRow {
  readonly id: string;
  readonly row: number;
  readonly values: Record<string, unknown>;
  /** fields whose cells could not be read (already reported) */
  readonly failed: ReadonlySet<string>;
}

interface ListSheet {
  readonly list: ListColumns;
  readonly sheet: string;
  readonly header: Header;
  readonly rows: PendingListRow[];
}

/** Stops the whole read at once (a limit is passed); the issue says why. */
class StopReading extends Error {
  override readonly name = "StopReading";
}

const ID_KEYS = [ID_HEADER, "id"];
const NAME_KEYS = [NAME_HEADER, "单位名称", "申报单位名称", "name"];
const TYPE_KEYS = [TYPE_HEADER, "单位类型", "unitType"];
const LEVEL_KEYS = [TITLE_HEADERS.level, "称号级别", "命名级别", "level"];
const AWARDED_KEYS = [TITLE_HEADERS.awarded, "命名时间", "awarded"];
const REVOKED_KEYS = [TITLE_HEADERS.revoked, "撤销", "已撤销", "revoked"];
const AWARDED_SPEC: FieldShape = { label: TITLE_HEADERS.awarded, type: "date" };
const REVOKED_SPEC: FieldShape = { label: TITLE_HEADERS.revoked, type: "boolean" };
const NO_PLACE: Place = { file: "" };

function keyed(entries: readonly (readonly [readonly string[], Target])[]): Map<string, Target> {
  const map = new Map<string, Target>();
  for (const [names, target] of entries) {
    for (const name of names) {
      map.set(headerKey(name), target);
    }
  }
  return map;
}

function fieldTargets(map: Map<string, Target>, fields: ReadonlyMap<string, FieldSpec>): void {
  for (const [id, spec] of fields) {
    const target: Target = { kind: "field", id, spec };
    for (const key of [headerKey(id), headerKey(spec.label)]) {
      if (!map.has(key)) {
        map.set(key, target);
      }
    }
  }
}

function targetName(target: Target): string {
  return target.kind === "field" ? target.id : target.kind;
}

class CandidateImport {
  readonly issues: Issue[] = [];
  readonly drafts = new Map<string, Draft>();
  readonly titles: PendingTitle[] = [];
  readonly listSheets: ListSheet[] = [];
  sawCandidates = false;
  /** the candidate sheet could not be read row by row (no id column): no orphan checks then */
  candidatesBroken = false;
  private readonly candidateTargets: Map<string, Target>;
  private readonly titleTargets: Map<string, Target>;
  private readonly specCache = new Map<string, readonly FieldSpec[]>();
  private readonly pairs: [string, unknown][] = [];
  private readonly typeChoices: string;
  onProgress: OnWorkbookProgress | undefined;

  readonly file: string;
  readonly columns: CandidateColumns;
  readonly limits: WorkbookLimits;

  constructor(file: string, columns: CandidateColumns, limits: WorkbookLimits) {
    this.file = file;
    this.columns = columns;
    this.limits = limits;
    this.candidateTargets = keyed([
      [ID_KEYS, { kind: "id" }],
      [NAME_KEYS, { kind: "name" }],
      [TYPE_KEYS, { kind: "type" }],
    ]);
    fieldTargets(this.candidateTargets, columns.fields);
    this.titleTargets = keyed([
      [ID_KEYS, { kind: "id" }],
      [LEVEL_KEYS, { kind: "level" }],
      [AWARDED_KEYS, { kind: "awarded" }],
      [REVOKED_KEYS, { kind: "revoked" }],
    ]);
    this.typeChoices = unitTypeChoices(columns).join("、");
  }

  place(sheet: string, column: number, row: number): Place {
    return { file: this.file, path: cellPath(sheet, column, row) };
  }

  report(code: MessageCode, place: Place, params: MessageParams = {}): void {
    this.issues.push(error(code, place, params));
  }

  stop(code: MessageCode, place: Place, params: MessageParams): never {
    this.report(code, place, params);
    throw new StopReading(code);
  }

  private knownRole(
    name: string,
  ): "candidates" | "titles" | "skip" | { list: ListColumns } | undefined {
    const key = headerKey(name);
    if (key === headerKey(CANDIDATE_SHEET)) {
      return "candidates";
    }
    if (key === headerKey(TITLES_SHEET)) {
      return "titles";
    }
    for (const list of this.columns.lists.values()) {
      if (key === headerKey(list.label) || key === headerKey(list.id)) {
        return { list };
      }
    }
    return key === headerKey(GUIDE_SHEET) || key === headerKey(CHOICES_SHEET) ? "skip" : undefined;
  }

  /** Where a sheet belongs, by its name; the first other sheet is the candidates' when none is named so. */
  roleOf(
    sheet: StreamedSheet,
  ): "candidates" | "titles" | "skip" | "unknown" | { list: ListColumns } {
    const known = this.knownRole(sheet.name);
    if (known !== undefined) {
      return known;
    }
    if (sheet.hidden) {
      return "skip";
    }
    if (sheet.order.length === 0) {
      // the workbook part came late: take the first sheet of no other role
      return this.sawCandidates ? "unknown" : "candidates";
    }
    if (sheet.order.some((entry) => this.knownRole(entry.name) === "candidates")) {
      return "unknown";
    }
    const first = sheet.order.find(
      (entry) => !entry.hidden && this.knownRole(entry.name) === undefined,
    );
    return first?.name === sheet.name ? "candidates" : "unknown";
  }

  async readSheet(sheet: StreamedSheet): Promise<void> {
    const role = this.roleOf(sheet);
    if (role === "skip") {
      return;
    }
    if (role === "unknown") {
      this.issues.push(
        warning("xlsx.unknown_sheet", { file: this.file, path: sheet.name }, { sheet: sheet.name }),
      );
      return;
    }
    if (role === "candidates") {
      this.sawCandidates = true;
    }
    const targets =
      role === "candidates"
        ? this.candidateTargets
        : role === "titles"
          ? this.titleTargets
          : this.listTargets(role.list);
    let header: Header | undefined;
    let listSheet: ListSheet | undefined;
    let dataRows = 0;
    let rowsRead = 0;
    for await (const batch of sheet.rowBatches()) {
      for (const row of batch) {
        this.checkRowLimits(sheet.name, row);
        if (header === undefined) {
          header = this.readHeader(sheet.name, row.number === 1 ? row : undefined, targets);
          if (
            role === "candidates" &&
            !this.requireColumns(sheet.name, header, ["id", "name", "type"])
          ) {
            this.candidatesBroken = true;
            return;
          }
          if (
            role === "titles" &&
            !this.requireColumns(sheet.name, header, ["id", "level", "awarded"])
          ) {
            return;
          }
          if (typeof role === "object") {
            if (!this.requireColumns(sheet.name, header, ["id"])) {
              return;
            }
            this.requireListColumns(sheet.name, role.list, header);
            listSheet = { list: role.list, sheet: sheet.name, header, rows: [] };
            this.listSheets.push(listSheet);
          }
          if (row.number === 1) {
            continue;
          }
        }
        const cells = this.readRow(row, header);
        if (cells === undefined) {
          continue;
        }
        dataRows++;
        if (role === "candidates") {
          this.readCandidate(sheet.name, row.number, header, cells);
        } else if (role === "titles") {
          this.readTitle(sheet.name, row.number, header, cells);
        } else if (listSheet) {
          this.readListRow(listSheet, row.number, cells);
        }
      }
      rowsRead += batch.length;
      this.onProgress?.({ sheet: sheet.name, done: rowsRead });
    }
    if (role === "candidates") {
      if (header === undefined) {
        this.report(
          "xlsx.empty_sheet",
          { file: this.file, path: `${sheet.name}!A1` },
          {
            sheet: sheet.name,
            expected: [ID_HEADER, NAME_HEADER, TYPE_HEADER].join("、"),
          },
        );
        this.candidatesBroken = true;
      } else if (dataRows === 0) {
        this.report(
          "xlsx.no_rows",
          { file: this.file, path: `${sheet.name}!A2` },
          {
            sheet: sheet.name,
          },
        );
      }
    }
  }

  private listTargets(list: ListColumns): Map<string, Target> {
    const map = keyed([[ID_KEYS, { kind: "id" }]]);
    fieldTargets(map, list.fields);
    return map;
  }

  private checkRowLimits(sheet: string, row: SheetRow): void {
    if (row.number - 1 > this.limits.maxRows) {
      this.stop("xlsx.too_many_rows", this.place(sheet, 1, row.number), {
        sheet,
        limit: this.limits.maxRows,
      });
    }
    if (row.cellCount > this.limits.maxColumns) {
      this.stop(
        "xlsx.too_many_columns",
        this.place(sheet, this.limits.maxColumns + 1, row.number),
        {
          sheet,
          limit: this.limits.maxColumns,
        },
      );
    }
  }

  private readHeader(
    sheet: string,
    row: SheetRow | undefined,
    targets: Map<string, Target>,
  ): Header {
    const byColumn: (Target | undefined)[] = [];
    const columnOf = new Map<string, number>();
    row?.eachCell((cell, column) => {
      const text = plainText(readCell(cell.value, cell.numFmt));
      if (text === "") {
        return;
      }
      const target = targets.get(headerKey(text));
      if (!target) {
        this.issues.push(
          warning("xlsx.unknown_column", this.place(sheet, column, 1), { column: text }),
        );
        return;
      }
      const name = targetName(target);
      const earlier = columnOf.get(name);
      if (earlier !== undefined) {
        this.report("xlsx.duplicate_column", this.place(sheet, column, 1), {
          column: text,
          other: cellPath(sheet, earlier, 1),
        });
        return;
      }
      columnOf.set(name, column);
      byColumn[column] = target;
    });
    return { targets: byColumn, columnOf, specs: new Map() };
  }

  private requireColumns(
    sheet: string,
    header: Header,
    needed: readonly Target["kind"][],
  ): boolean {
    const names: Record<string, string> = {
      id: ID_HEADER,
      name: NAME_HEADER,
      type: TYPE_HEADER,
      level: TITLE_HEADERS.level,
      awarded: TITLE_HEADERS.awarded,
    };
    let complete = true;
    for (const kind of needed) {
      if (!header.columnOf.has(kind)) {
        this.report(
          "xlsx.missing_column",
          { file: this.file, path: `${sheet}!A1` },
          {
            sheet,
            column: names[kind] ?? kind,
          },
        );
        complete = false;
      }
    }
    return complete;
  }

  private requireListColumns(sheet: string, list: ListColumns, header: Header): void {
    for (const [id, spec] of list.fields) {
      if (spec.required && !header.columnOf.has(id)) {
        this.report(
          "xlsx.missing_column",
          { file: this.file, path: `${sheet}!A1` },
          {
            sheet,
            column: spec.label,
          },
        );
      }
    }
  }

  /** The row's cells by column (those under a known header), or undefined when all are blank. */
  private readRow(row: SheetRow, header: Header): RawCells | undefined {
    const cells: (SheetCell | undefined)[] = [];
    let filled = false;
    row.eachCell((cell, column) => {
      if (header.targets[column] === undefined) {
        return;
      }
      const value = cell.value;
      if (value !== null && value !== undefined && value !== "") {
        cells[column] = cell;
        filled = true;
      }
    });
    return filled ? cells : undefined;
  }

  /** The row's id, or undefined (reported) when it is blank or marks the example row. */
  private readId(
    sheet: string,
    row: number,
    header: Header,
    cells: RawCells,
    label: string,
  ): string | undefined {
    const column = header.columnOf.get("id") ?? 1;
    const cell = cellAt(cells, column);
    const id = cell ? plainText(cell).trim() : "";
    if (id === "") {
      this.report("data.row_required", this.place(sheet, column, row), {
        list: label,
        label: ID_HEADER,
      });
      return undefined;
    }
    if (id.startsWith(EXAMPLE_ID_PREFIX)) {
      this.issues.push(warning("xlsx.example_row", this.place(sheet, column, row)));
      return undefined;
    }
    return id;
  }

  private specsFor(
    unitType: UnitType | undefined,
    field: string,
    union: FieldSpec,
  ): readonly FieldSpec[] {
    if (unitType === undefined) {
      return [union];
    }
    const key = `${unitType}\u0000${field}`;
    let specs = this.specCache.get(key);
    if (specs === undefined) {
      const found: FieldSpec[] = [];
      for (const table of this.columns.tables.get(unitType) ?? []) {
        const spec = table.ruleSet.fields[field];
        if (spec && !found.includes(spec)) {
          found.push(spec);
        }
      }
      specs = found.length > 0 ? found : [union];
      this.specCache.set(key, specs);
    }
    return specs;
  }

  /** Converts a cell and checks it against each spec; the value, or NOT_READ (reported). */
  private fieldValue(
    cell: SheetCell,
    union: FieldSpec,
    specs: readonly FieldSpec[],
    sheet: string,
    column: number,
    row: number,
  ): unknown {
    // the common cases without allocating: a number in a number column, text in a text column
    const raw = cell.value;
    let value: unknown;
    const type = union.type;
    if (typeof raw === "number" && (type === "integer" || type === "number" || type === "ratio")) {
      value = raw;
    } else if (typeof raw === "string" && type === "string") {
      value = raw.trim();
    } else if (typeof raw === "string" && type === "enum" && union.values?.includes(raw)) {
      value = raw;
    } else if (typeof raw === "string" && type === "boolean" && (raw === "是" || raw === "否")) {
      value = raw === "是";
    } else {
      const read = readCell(raw, cell.numFmt);
      if (read.kind === "blank") {
        return NOT_READ;
      }
      const converted = convertFieldValue(read, union);
      if (!("value" in converted)) {
        this.report(converted.code, this.place(sheet, column, row), converted.params);
        return NOT_READ;
      }
      value = converted.value;
    }
    if (value === "") {
      return NOT_READ;
    }
    let valid = true;
    for (const spec of specs) {
      valid &&= plainlyValid(value, spec);
    }
    if (valid) {
      return value;
    }
    for (const spec of specs) {
      const checked = checkFieldValue(value, spec, NO_PLACE);
      if (checked.issue) {
        this.issues.push({ ...checked.issue, place: this.place(sheet, column, row) });
        return NOT_READ;
      }
      value = checked.value;
    }
    return value;
  }

  /** Converts a cell as a value of a field's type; the value, or NOT_READ (reported). */
  private convert(cell: CellRead, spec: FieldShape, place: Place): unknown {
    const converted = convertFieldValue(cell, spec);
    if ("value" in converted) {
      return converted.value;
    }
    this.report(converted.code, place, converted.params);
    return NOT_READ;
  }

  /** Per column, the specs of the tables scoring a unit type that declare its field. */
  private columnSpecs(
    header: Header,
    unitType: UnitType | undefined,
  ): readonly (readonly FieldSpec[] | undefined)[] {
    const key = unitType ?? "";
    let specs = header.specs.get(key);
    if (specs === undefined) {
      specs = header.targets.map((target) =>
        target?.kind === "field" ? this.specsFor(unitType, target.id, target.spec) : undefined,
      );
      header.specs.set(key, specs);
    }
    return specs;
  }

  /**
   * A class whose instances are a row's data places: one getter per column on a shared
   * prototype, so that 50,000 rows of 30 fields hold no 1.5 million place objects; a place is
   * made when asked for, which is when something is wrong with its value.
   */
  private placesOf(sheet: string, header: Header): new (row: number) => Record<string, Place> {
    if (header.places) {
      return header.places;
    }
    const file = this.file;
    class RowPlaces {
      readonly [ROW]: number;
      constructor(row: number) {
        this[ROW] = row;
      }
    }
    header.targets.forEach((target, column) => {
      if (target?.kind === "field") {
        Object.defineProperty(RowPlaces.prototype, target.id, {
          enumerable: true,
          get(this: RowPlaces): Place {
            return { file, path: cellPath(sheet, column, this[ROW]) };
          },
        });
      }
    });
    header.places = RowPlaces as unknown as new (row: number) => Record<string, Place>;
    return header.places;
  }

  private readCandidate(sheet: string, row: number, header: Header, cells: RawCells): void {
    const id = this.readId(sheet, row, header, cells, sheet);
    if (id === undefined) {
      return;
    }
    const nameColumn = header.columnOf.get("name") ?? 2;
    const nameCell = cellAt(cells, nameColumn);
    const name = nameCell ? plainText(nameCell).trim() : "";
    if (name === "") {
      this.report("data.row_required", this.place(sheet, nameColumn, row), {
        list: sheet,
        label: NAME_HEADER,
      });
    }
    const typeColumn = header.columnOf.get("type") ?? 3;
    const typeCell = cellAt(cells, typeColumn);
    const typeText = typeCell ? plainText(typeCell).trim() : "";
    const unitType = typeText === "" ? undefined : parseUnitType(typeText);
    if (typeText === "") {
      this.report("data.row_required", this.place(sheet, typeColumn, row), {
        list: sheet,
        label: TYPE_HEADER,
      });
    } else if (!unitType) {
      this.report("data.enum", this.place(sheet, typeColumn, row), {
        label: TYPE_HEADER,
        allowed: this.typeChoices,
        found: `"${typeText}"`,
      });
    } else if (!this.columns.tables.has(unitType)) {
      this.report("cand.unscored_unit_type", this.place(sheet, typeColumn, row), {
        unitType: UNIT_TYPE_NAMES[unitType],
      });
    }
    // built from entries: an object grown by keyed stores past a dozen fields turns into a slow,
    // three times larger dictionary in V8
    const pairs = this.pairs;
    let count = 0;
    const specs = this.columnSpecs(header, unitType);
    for (let column = 1; column < cells.length; column++) {
      const cell = cells[column];
      const target = header.targets[column];
      if (cell === undefined || target?.kind !== "field") {
        continue;
      }
      const read = this.fieldValue(
        cell,
        target.spec,
        specs[column] ?? [target.spec],
        sheet,
        column,
        row,
      );
      if (read !== NOT_READ) {
        // one pair per column, reused from row to row: fromEntries copies them
        const pair = (pairs[count] ??= ["", undefined]);
        pair[0] = target.id;
        pair[1] = read;
        count++;
      }
    }
    const earlier = this.drafts.get(id);
    if (earlier) {
      const column = header.columnOf.get("id") ?? 1;
      this.report("cand.duplicate_id", this.place(sheet, column, row), {
        id,
        other: cellPath(earlier.sheet, column, earlier.row),
      });
      return;
    }
    // a row with errors still claims its id, so that its titles and list rows are no orphans
    this.drafts.set(id, {
      sheet,
      typeKnown: unitType !== undefined,
      id,
      name,
      unitType: unitType ?? "other",
      row,
      idColumn: header.columnOf.get("id") ?? 1,
      typeColumn,
      data: Object.fromEntries(count === pairs.length ? pairs : pairs.slice(0, count)),
      lists: new Map(),
      dataPlaces: new (this.placesOf(sheet, header))(row),
      titles: [],
    });
  }

  private readTitle(sheet: string, row: number, header: Header, cells: RawCells): void {
    const id = this.readId(sheet, row, header, cells, sheet);
    if (id === undefined) {
      return;
    }
    const levelColumn = header.columnOf.get("level") ?? 2;
    const levelCell = cellAt(cells, levelColumn);
    const levelText = levelCell ? plainText(levelCell).trim() : "";
    const level = levelText === "" ? undefined : parseLevel(levelText);
    if (!level) {
      this.report("data.enum", this.place(sheet, levelColumn, row), {
        label: TITLE_HEADERS.level,
        allowed: LEVELS.map((entry) => LEVEL_NAMES[entry]).join("、"),
        found: levelText === "" ? "(无)" : `"${levelText}"`,
      });
    }
    const awardedColumn = header.columnOf.get("awarded") ?? 3;
    const awardedCell: CellRead = cellAt(cells, awardedColumn) ?? { kind: "blank" };
    let awarded: string | undefined;
    if (awardedCell.kind === "blank") {
      this.report("data.date", this.place(sheet, awardedColumn, row), {
        label: TITLE_HEADERS.awarded,
        found: "(无)",
      });
    } else {
      const read = this.convert(awardedCell, AWARDED_SPEC, this.place(sheet, awardedColumn, row));
      awarded = read === NOT_READ ? undefined : String(read);
    }
    let revoked = false;
    const revokedColumn = header.columnOf.get("revoked");
    const revokedCell = cellAt(cells, revokedColumn);
    if (revokedColumn !== undefined && revokedCell !== undefined) {
      const read = this.convert(revokedCell, REVOKED_SPEC, this.place(sheet, revokedColumn, row));
      if (read === NOT_READ) {
        return;
      }
      revoked = read === true;
    }
    this.titles.push({
      id,
      sheet,
      column: header.columnOf.get("id") ?? 1,
      row,
      ...(level && awarded !== undefined && { title: { level, awarded, revoked } }),
    });
  }

  private readListRow(listSheet: ListSheet, row: number, cells: RawCells): void {
    const { header, sheet } = listSheet;
    const id = this.readId(sheet, row, header, cells, sheet);
    if (id === undefined) {
      return;
    }
    const values: Record<string, unknown> = {};
    const failed = new Set<string>();
    for (let column = 1; column < cells.length; column++) {
      const cell = cellAt(cells, column);
      const target = header.targets[column];
      if (cell === undefined || target?.kind !== "field") {
        continue;
      }
      const converted = convertFieldValue(cell, target.spec);
      if (!("value" in converted)) {
        this.report(converted.code, this.place(sheet, column, row), converted.params);
        failed.add(target.id);
        continue;
      }
      values[target.id] = converted.value;
    }
    listSheet.rows.push({ id, row, values, failed });
  }

  /** Attaches titles and list rows to their candidates, checking them against its tables. */
  finish(): Candidate[] {
    const idColumnOf = (header: Header) => header.columnOf.get("id") ?? 1;
    for (const pending of this.titles) {
      const draft = this.drafts.get(pending.id);
      if (!draft) {
        this.orphan(pending.sheet, pending.column, pending.row, pending.id);
      } else if (pending.title) {
        draft.titles.push(pending.title);
      }
    }
    for (const { list, sheet, header, rows } of this.listSheets) {
      for (const draft of this.drafts.values()) {
        draft.lists.set(list.id, []);
        draft.dataPlaces[list.id] = { file: this.file, path: sheet };
      }
      for (const pending of rows) {
        const draft = this.drafts.get(pending.id);
        if (!draft) {
          this.orphan(sheet, idColumnOf(header), pending.row, pending.id);
          continue;
        }
        const clean = this.checkListRow(list, sheet, header, draft, pending);
        draft.lists.get(list.id)?.push(clean);
      }
    }
    return [...this.drafts.values()].map((draft) => ({
      id: draft.id,
      name: draft.name,
      unitType: draft.unitType,
      data:
        draft.lists.size === 0
          ? draft.data
          : Object.fromEntries([...Object.entries(draft.data), ...draft.lists]),
      titles: draft.titles,
      scores: {},
      place: { file: this.file, path: cellPath(draft.sheet, draft.idColumn, draft.row) },
      unitTypePlace: { file: this.file, path: cellPath(draft.sheet, draft.typeColumn, draft.row) },
      dataPlaces: draft.dataPlaces,
    }));
  }

  private orphan(sheet: string, column: number, row: number, id: string): void {
    if (!this.candidatesBroken) {
      this.report("xlsx.orphan_row", this.place(sheet, column, row), { sheet, id });
    }
  }

  private checkListRow(
    list: ListColumns,
    sheet: string,
    header: Header,
    draft: Draft,
    pending: PendingListRow,
  ): Record<string, unknown> {
    const clean: Record<string, unknown> = {};
    // a row whose unit type could not be read is checked against the lists' fields of any table
    const tables = draft.typeKnown ? (this.columns.tables.get(draft.unitType) ?? []) : [];
    for (const [field, union] of list.fields) {
      const column = header.columnOf.get(field);
      const place = (): Place =>
        column === undefined
          ? this.place(sheet, 1, pending.row)
          : this.place(sheet, column, pending.row);
      const declared = tables
        .map((table) => table.ruleSet.lists[list.id]?.fields[field])
        .filter((spec): spec is FieldSpec => spec !== undefined);
      const specs = declared.length > 0 ? declared : [union];
      if (pending.failed.has(field)) {
        continue;
      }
      if (!Object.hasOwn(pending.values, field)) {
        const required = specs.find((spec) => spec.required);
        if (required && column !== undefined) {
          this.report("data.row_required", place(), { list: list.label, label: required.label });
        }
        continue;
      }
      let value = pending.values[field];
      let failed = false;
      for (const spec of specs) {
        const checked = checkFieldValue(value, spec, NO_PLACE);
        if (checked.issue) {
          this.issues.push({ ...checked.issue, place: place() });
          failed = true;
          break;
        }
        value = checked.value;
      }
      if (!failed) {
        clean[field] = value;
      }
    }
    return clean;
  }
}

/**
 * Reads a candidate workbook (申报汇总表): sheet 申报单位 (or the first), 已获命名 and one sheet
 * per list, streaming so that memory stays bounded. Values are read as people type them and
 * checked against every table that scores the candidate's unit type, each problem at its cell
 * (`申报单位!F7`). All or nothing: any error gives no candidates. The candidates carry the
 * places of their cells, so that the engine's later findings name them too.
 */
export async function readCandidateWorkbook(
  path: string,
  library: RuleLibrary,
  options: ReadCandidateWorkbookOptions = {},
): Promise<{ candidates: Candidate[]; issues: Issue[] }> {
  const file = options.file ?? path;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const checked = await checkXlsxFile(path, { file }, limits);
  if ("issue" in checked) {
    return { candidates: [], issues: [checked.issue] };
  }
  const state = new CandidateImport(file, candidateColumns(library), limits);
  state.onProgress = options.onProgress;
  try {
    for await (const sheet of streamSheets(path, checked.parts)) {
      await state.readSheet(sheet);
    }
  } catch (cause) {
    if (cause instanceof StopReading) {
      return { candidates: [], issues: state.issues };
    }
    if (cause instanceof PartSizeError) {
      return {
        candidates: [],
        issues: [
          error(
            "xlsx.size_mismatch",
            { file },
            { entry: cause.part, size: formatBytes(cause.declared) },
          ),
        ],
      };
    }
    return {
      candidates: [],
      issues: [
        ...state.issues,
        error("xlsx.corrupt", { file }, { reason: (cause as Error).message ?? String(cause) }),
      ],
    };
  }
  if (!state.sawCandidates) {
    state.report("xlsx.no_sheet", { file }, { sheet: CANDIDATE_SHEET });
  }
  const candidates = state.finish();
  if (hasErrors(state.issues)) {
    return { candidates: [], issues: state.issues };
  }
  return { candidates, issues: state.issues };
}
