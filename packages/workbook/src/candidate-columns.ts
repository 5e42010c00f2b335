import { tableFor, UNIT_TYPE_NAMES, UNIT_TYPES } from "@ceping/engine";
import type { CompiledRuleSet, FieldSpec, RuleLibrary, UnitType } from "@ceping/engine";
import { toAscii } from "./convert-field-value.ts";

/** Sheet names and fixed headers of the candidate workbook. */
export const CANDIDATE_SHEET = "申报单位";
export const TITLES_SHEET = "已获命名";
export const GUIDE_SHEET = "填表说明";
/** a hidden sheet of drop-down choices too long to write inline */
export const CHOICES_SHEET = "选项";
/** an id beginning with this marks the template's example row, which import skips */
export const EXAMPLE_ID_PREFIX = "示例";

export const ID_HEADER = "编号";
export const NAME_HEADER = "名称";
export const TYPE_HEADER = "类型";
export const TITLE_HEADERS = { level: "级别", awarded: "命名日期", revoked: "是否撤销" } as const;

/** A list (a child table of rows per candidate) as one sheet of the workbook. */
export interface ListColumns {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** its fields by id, in the order of the first table declaring each */
  readonly fields: ReadonlyMap<string, FieldSpec>;
}

/** What a candidate workbook holds for a rule library: a column is a field of any table. */
export interface CandidateColumns {
  /** fields by id, in ladder order (a level's tables, then the next level's new fields) */
  readonly fields: ReadonlyMap<string, FieldSpec>;
  readonly lists: ReadonlyMap<string, ListColumns>;
  /** unit types some level scores (with its own table or a fallback), in the vocabulary's order */
  readonly unitTypes: readonly UnitType[];
  /** the tables scoring each unit type, one per level that scores it */
  readonly tables: ReadonlyMap<UnitType, readonly CompiledRuleSet[]>;
}

/** A header or sheet name as compared: full-width forms and spaces do not matter, nor case. */
export function headerKey(text: string): string {
  return toAscii(text).replace(/\s+/g, "").toLowerCase();
}

/**
 * The columns, lists and unit types of a library's tables: of every table, or of those scoring
 * some unit types. Fields come in the order of the unit types (village first), each type's
 * tables in ladder order, so that the columns of the common types come first.
 */
export function candidateColumns(
  library: RuleLibrary,
  only?: readonly UnitType[],
): CandidateColumns {
  const tables = new Map<UnitType, CompiledRuleSet[]>();
  for (const unitType of UNIT_TYPES) {
    const scoring = library.levels
      .map((level) => tableFor(level, unitType)?.compiled)
      .filter((table): table is CompiledRuleSet => table !== undefined);
    if (scoring.length > 0 && (only === undefined || only.includes(unitType))) {
      tables.set(unitType, scoring);
    }
  }
  const fields = new Map<string, FieldSpec>();
  const lists = new Map<
    string,
    { id: string; label: string; hint?: string; fields: Map<string, FieldSpec> }
  >();
  for (const table of new Set([...tables.values()].flat())) {
    for (const [id, spec] of Object.entries(table.ruleSet.fields)) {
      if (!fields.has(id)) {
        fields.set(id, spec);
      }
    }
    for (const [id, list] of Object.entries(table.ruleSet.lists)) {
      const known = lists.get(id) ?? {
        id,
        label: list.label,
        ...(list.hint !== undefined && { hint: list.hint }),
        fields: new Map<string, FieldSpec>(),
      };
      for (const [fieldId, spec] of Object.entries(list.fields)) {
        if (!known.fields.has(fieldId)) {
          known.fields.set(fieldId, spec);
        }
      }
      lists.set(id, known);
    }
  }
  return { fields, lists, unitTypes: [...tables.keys()], tables };
}

/** The unit types whose tables read a field (of a list, when given), by their Chinese names. */
export function unitTypesReading(
  columns: CandidateColumns,
  field: string,
  list?: string,
): string[] {
  return [...columns.tables]
    .filter(([, tables]) =>
      tables.some((table) =>
        list === undefined
          ? Object.hasOwn(table.ruleSet.fields, field)
          : Object.hasOwn(table.ruleSet.lists[list]?.fields ?? {}, field),
      ),
    )
    .map(([unitType]) => UNIT_TYPE_NAMES[unitType]);
}

/** The Chinese names of the unit types a library scores, as a drop-down offers them. */
export function unitTypeChoices(columns: CandidateColumns): string[] {
  return columns.unitTypes.map((unitType) => UNIT_TYPE_NAMES[unitType]);
}
