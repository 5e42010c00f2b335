import type { Place } from "./issue.ts";
import type { Level, UnitType } from "./vocabulary.ts";

/** A title the candidate already holds (已获命名). */
export interface Title {
  readonly level: Level;
  /** ISO date of the naming decision */
  readonly awarded: string;
  readonly revoked: boolean;
}

/** Reviewers' scores: reviewer → indicator id → points as entered. */
export type ReviewerScores = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** A unit applying for a title, as read from JSON or a workbook (values not yet checked per table). */
export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly unitType: UnitType;
  readonly data: Readonly<Record<string, unknown>>;
  readonly titles: readonly Title[];
  readonly scores: ReviewerScores;
  /** where the candidate was read, so data problems can name the place */
  readonly place: Place;
  /** where the unit type was read */
  readonly unitTypePlace?: Place;
  /** where each data value was read (`申报单位!F7`), by field id, when the reader knows */
  readonly dataPlaces?: Readonly<Record<string, Place>>;
  /** where each reviewer's scores were read, by reviewer then indicator id */
  readonly scorePlaces?: Readonly<Record<string, Readonly<Record<string, Place>>>>;
}
