import type { Level } from "@ceping/engine";
import type { QuotaScope } from "./admit-by-quota.ts";
import type { PanelPolicy } from "./panel-policy.ts";

/** The kinds of conflict (回避) of panel.md, and `other` with a note. */
export const CONFLICT_KINDS = [
  "same_unit",
  "supervisory",
  "family_employment",
  "helped_prepare",
  "township",
  "other",
] as const;
/** A kind of conflict, as events record it. */
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** The actor of what the program itself records (conflicts it proposes). */
export const PROGRAM_ACTOR = "ceping";

/** The first event: what the assessment is, pinned by the hashes of its snapshot. */
export interface CreatedPayload {
  readonly assessment: string;
  readonly title?: string;
  /** the assessment date, ISO */
  readonly on: string;
  /** the one level it scores, when it scores only one */
  readonly level?: Level;
  readonly rules: {
    /** SHA-256 of the rule files' names, texts and selection */
    readonly hash: string;
    /** the tables it scores with, and the engine's hash of each */
    readonly ruleSets: readonly {
      readonly id: string;
      readonly version: string;
      readonly hash: string;
    }[];
  };
  readonly candidates: { readonly hash: string; readonly count: number };
  readonly policy: PanelPolicy;
  /** created without a list of reviewers: score sheets add the reviewers they name */
  readonly openRoster: boolean;
}

/** A level result as recorded when the assessment is locked, without the language of reasons. */
export interface LockedResult {
  readonly candidate: string;
  readonly level: string;
  readonly status: string;
  readonly total: number;
  readonly base: number;
  readonly bonus: number;
  readonly categories: Readonly<Record<string, number>>;
  readonly indicators: Readonly<Record<string, number>>;
  readonly vetoes: readonly string[];
  readonly missing: readonly string[];
  readonly nearMiss: boolean;
  /** the rank among the eligible at this level, null when not ranked */
  readonly rank: number | null;
}

/** Every kind of event and what it says. */
export type PanelEvent =
  | { readonly kind: "assessment.created"; readonly payload: CreatedPayload }
  | {
      readonly kind: "reviewer.added";
      readonly payload: {
        readonly name: string;
        readonly unit?: string;
        readonly township?: string;
      };
    }
  | { readonly kind: "chair.assigned"; readonly payload: { readonly name: string } }
  | {
      readonly kind: "conflict.proposed";
      readonly payload: {
        readonly reviewer: string;
        readonly candidate: string;
        readonly kind: ConflictKind;
        /** the value that matched: the unit or township both share */
        readonly match: string;
      };
    }
  | {
      readonly kind: "conflict.declared";
      readonly payload: {
        readonly reviewer: string;
        readonly candidate: string;
        readonly kind: ConflictKind;
        readonly note?: string;
      };
    }
  | {
      readonly kind: "conflict.dismissed";
      readonly payload: {
        readonly reviewer: string;
        readonly candidate: string;
        readonly reason: string;
      };
    }
  | {
      readonly kind: "score.entered";
      readonly payload: {
        readonly reviewer: string;
        readonly candidate: string;
        readonly indicator: string;
        readonly points: number;
        readonly note?: string;
        /** why a submitted score was changed (required then) */
        readonly reason?: string;
      };
    }
  | {
      readonly kind: "sheet.submitted";
      readonly payload: { readonly reviewer: string; readonly candidate: string };
    }
  | {
      readonly kind: "veto.raised" | "veto.withdrawn";
      readonly payload: {
        readonly candidate: string;
        readonly veto: string;
        readonly reason: string;
      };
    }
  | {
      readonly kind: "flag.disposed";
      readonly payload: {
        readonly flag: string;
        readonly basis: string;
        readonly disposition: "kept" | "revised";
        readonly reason: string;
      };
    }
  | {
      readonly kind: "tie.decided";
      readonly payload: {
        readonly level: Level;
        readonly order: readonly string[];
        readonly reason: string;
      };
    }
  | {
      readonly kind: "quota.set";
      readonly payload: {
        readonly id: string;
        readonly level: Level;
        readonly scope: QuotaScope;
        readonly seats: number;
      };
    }
  | {
      readonly kind: "assessment.locked";
      readonly payload: {
        readonly results: readonly LockedResult[];
        /** quota id → admitted candidate ids */
        readonly admitted: Readonly<Record<string, readonly string[]>>;
      };
    };

/** The kind of an event. */
export type PanelEventKind = PanelEvent["kind"];

type FieldType = "string" | "string?" | "number" | "boolean" | "object" | "array" | "strings";

const SHAPES: Readonly<Record<PanelEventKind, Readonly<Record<string, FieldType>>>> = {
  "assessment.created": {
    assessment: "string",
    title: "string?",
    on: "string",
    level: "string?",
    rules: "object",
    candidates: "object",
    policy: "object",
    openRoster: "boolean",
  },
  "reviewer.added": { name: "string", unit: "string?", township: "string?" },
  "chair.assigned": { name: "string" },
  "conflict.proposed": { reviewer: "string", candidate: "string", kind: "string", match: "string" },
  "conflict.declared": { reviewer: "string", candidate: "string", kind: "string", note: "string?" },
  "conflict.dismissed": { reviewer: "string", candidate: "string", reason: "string" },
  "score.entered": {
    reviewer: "string",
    candidate: "string",
    indicator: "string",
    points: "number",
    note: "string?",
    reason: "string?",
  },
  "sheet.submitted": { reviewer: "string", candidate: "string" },
  "veto.raised": { candidate: "string", veto: "string", reason: "string" },
  "veto.withdrawn": { candidate: "string", veto: "string", reason: "string" },
  "flag.disposed": { flag: "string", basis: "string", disposition: "string", reason: "string" },
  "tie.decided": { level: "string", order: "strings", reason: "string" },
  "quota.set": { id: "string", level: "string", scope: "object", seats: "number" },
  "assessment.locked": { results: "array", admitted: "object" },
};

/**
 * Reads a stored event's kind and payload as a panel event, checking the payload's shape (the
 * meaning is checked against the state by `checkEvent`); else what is wrong: `kind` for an
 * unknown kind, `payload`, or the name of the first field that does not fit.
 */
export function toPanelEvent(
  kind: string,
  payload: unknown,
): { event: PanelEvent; problem?: undefined } | { event?: undefined; problem: string } {
  const shape = Object.hasOwn(SHAPES, kind) ? SHAPES[kind as PanelEventKind] : undefined;
  if (!shape) {
    return { problem: "kind" };
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
    return { problem: "payload" };
  }
  const record = payload as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(shape, key)) {
      return { problem: key };
    }
  }
  for (const [key, type] of Object.entries(shape)) {
    if (!fits(record[key], type)) {
      return { problem: key };
    }
  }
  return { event: { kind, payload } as PanelEvent };
}

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "string?":
      return value === undefined || typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "strings":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
  }
}
