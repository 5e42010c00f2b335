import type { Level, UnitType } from "./vocabulary.ts";
import type { Place } from "./issue.ts";

/** A JSON Logic expression as written in a rule file. */
export type Expression = unknown;

/** A path from a file's root to a value in it, as keys and indexes. */
export type SourcePath = readonly (string | number)[];

/** Where an item of a rule set was written: its file and its path in that file. */
export interface SourceRef {
  readonly file: string;
  readonly path: SourcePath;
}

export type FieldType = "integer" | "number" | "ratio" | "boolean" | "string" | "date" | "enum";

/** A value of candidate data that a table reads. */
export interface FieldSpec {
  readonly label: string;
  readonly type: FieldType;
  readonly hint?: string;
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
  readonly values?: readonly string[];
  readonly assumption?: boolean;
  readonly source: SourceRef;
}

/** A child table of rows per candidate: an activity ledger, an incident list. */
export interface ListSpec {
  readonly label: string;
  readonly hint?: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly source: SourceRef;
}

export interface Band {
  readonly min: number;
  readonly points: number;
}

export interface ChecklistItem {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  readonly when?: Expression;
  readonly field?: string;
}

export interface DeductItem {
  readonly label: string;
  readonly each: number;
  readonly count: Expression;
}

export interface RubricLevel {
  readonly label: string;
  readonly points: number;
}

/** How an indicator gets its points: exactly one of the spec's seven kinds. */
export type Scoring =
  | { readonly kind: "judged"; readonly step: number; readonly rubric?: readonly RubricLevel[] }
  | { readonly kind: "checklist"; readonly items: readonly ChecklistItem[] }
  | { readonly kind: "count"; readonly value: Expression; readonly each: number }
  | { readonly kind: "bands"; readonly value: Expression; readonly steps: readonly Band[] }
  | {
      readonly kind: "linear";
      readonly value: Expression;
      readonly zeroAt: number;
      readonly fullAt: number;
    }
  | { readonly kind: "deduct"; readonly items: readonly DeductItem[] }
  | { readonly kind: "points"; readonly value: Expression };

export type ScoringKind = Scoring["kind"];

/** The scoring keys of an indicator, in the spec's order. */
export const SCORING_KINDS: readonly ScoringKind[] = [
  "judged",
  "checklist",
  "count",
  "bands",
  "linear",
  "deduct",
  "points",
];

/** A second-level indicator (二级指标) or a bonus item. */
export interface Indicator {
  readonly id: string;
  readonly title: string;
  readonly max: number;
  readonly methods: readonly string[];
  readonly evidence: readonly string[];
  readonly hint?: string;
  readonly scoring: Scoring;
  readonly veto?: string;
  readonly assumption?: boolean;
  readonly source: SourceRef;
}

/** A first-level indicator (一级指标). */
export interface Category {
  readonly id: string;
  readonly title: string;
  readonly max: number;
  readonly indicators: readonly Indicator[];
  readonly assumption?: boolean;
  readonly source: SourceRef;
}

/** A veto condition (一票否决): computed from data, or raised by the panel chair. */
export interface Veto {
  readonly id: string;
  readonly title: string;
  readonly when?: Expression;
  readonly raisedBy?: "panel";
  readonly assumption?: boolean;
  readonly source: SourceRef;
}

export type Requirement =
  | {
      readonly kind: "title";
      readonly level: Level;
      readonly minYears: number;
      readonly source: SourceRef;
    }
  | {
      readonly kind: "when";
      readonly when: Expression;
      readonly message: string;
      readonly source: SourceRef;
    };

export interface Award {
  readonly threshold: number;
  readonly nearMiss: number;
  readonly requires: readonly Requirement[];
}

export interface PanelSettings {
  readonly aggregate: "trimmed_mean" | "mean" | "median";
  readonly trimFrom: number;
  readonly minReviewers: number;
}

export interface Validity {
  readonly years: number;
  readonly renewal: "zero_base" | "review";
  readonly reviewWith?: string;
}

/** A rule set after `extends` and level defaults are applied: what the engine scores with. */
export interface RuleSet {
  readonly id: string;
  readonly title: string;
  readonly level: Level;
  readonly appliesTo: readonly UnitType[];
  readonly version: string;
  readonly effective?: string;
  readonly source?: { readonly title?: string; readonly url?: string; readonly note?: string };
  readonly scale: { readonly base: number; readonly bonus: number };
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly lists: Readonly<Record<string, ListSpec>>;
  readonly computed: Readonly<Record<string, { expression: Expression; source: SourceRef }>>;
  readonly categories: readonly Category[];
  readonly bonus: readonly Indicator[];
  readonly vetoes: readonly Veto[];
  readonly award: Award;
  readonly missing: "block" | "zero";
  readonly panel: PanelSettings;
  readonly validity: Validity;
  /** the file the rule set was written in */
  readonly file: string;
  /** SHA-256 of the canonical JSON of the merged rule set, without source positions */
  readonly hash: string;
}

/** What a level folder's `level.yaml` says for the whole level. */
export interface LevelSettings {
  readonly level: Level;
  readonly title?: string;
  readonly fallback: Readonly<Partial<Record<UnitType, UnitType>>>;
  readonly panel?: Partial<PanelSettings>;
  readonly validity?: Validity;
  readonly file?: string;
}

/** Turns a reference into a rule file into a place a person can open: file, line, column. */
export type Locator = (ref: SourceRef) => Place;
