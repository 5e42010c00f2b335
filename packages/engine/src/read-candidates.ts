import type { Candidate, ReviewerScores, Title } from "./candidate.ts";
import { parseIsoDate } from "./dates.ts";
import { error } from "./issue.ts";
import type { Issue, Place } from "./issue.ts";
import { parseSource } from "./parse-source.ts";
import type { ParsedSource } from "./parse-source.ts";
import type { SourceText } from "./load-rule-library.ts";
import type { SourcePath } from "./rule-set.ts";
import { describe } from "./validate-rule-source.ts";
import { parseLevel, parseUnitType } from "./vocabulary.ts";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads candidates from JSON (or YAML): `{ "candidates": [...] }`; every problem located. */
export function readCandidates(source: SourceText): { candidates: Candidate[]; issues: Issue[] } {
  const parsed = parseSource(source.file, source.text);
  if (parsed.issues.length > 0) {
    return { candidates: [], issues: [...parsed.issues] };
  }
  const root = parsed.value;
  const list = isObject(root) ? root.candidates : undefined;
  if (!Array.isArray(list)) {
    return {
      candidates: [],
      issues: [error("cand.no_list", parsed.locate([]), { key: "candidates" })],
    };
  }
  const issues: Issue[] = [];
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  list.forEach((value: unknown, index) => {
    const candidate = toCandidate(value, parsed, ["candidates", index], issues);
    if (!candidate) {
      return;
    }
    const earlier = seen.get(candidate.id);
    if (earlier !== undefined) {
      issues.push(
        error("cand.duplicate_id", parsed.locate(["candidates", index, "id"]), {
          id: candidate.id,
          other: `candidates[${earlier}]`,
        }),
      );
      return;
    }
    seen.set(candidate.id, index);
    candidates.push(candidate);
  });
  return { candidates, issues };
}

/** Reads one candidate object at a path of a parsed file (a candidates file or a rule test). */
export function toCandidate(
  value: unknown,
  parsed: ParsedSource,
  path: SourcePath,
  issues: Issue[],
): Candidate | undefined {
  const at = (...sub: (string | number)[]): Place => ({
    ...parsed.locate([...path, ...sub]),
    path: pathText([...path, ...sub]),
  });
  if (!isObject(value)) {
    issues.push(error("cand.not_object", at(), { found: describe(value) }));
    return undefined;
  }
  const before = issues.length;
  const text = (key: string): string => {
    const found = value[key];
    if (typeof found === "number") {
      return String(found);
    }
    if (typeof found !== "string" || found.trim() === "") {
      issues.push(error("cand.required", at(key), { key, found: describe(found) }));
      return "";
    }
    return found.trim();
  };
  const id = text("id");
  const name = text("name");
  const unitTypeText = text("unitType");
  const unitType = unitTypeText ? parseUnitType(unitTypeText) : undefined;
  if (unitTypeText && !unitType) {
    issues.push(error("cand.unit_type", at("unitType"), { found: unitTypeText }));
  }
  const data = value.data ?? {};
  if (!isObject(data)) {
    issues.push(error("cand.not_object", at("data"), { found: describe(data) }));
  }
  const titles = readTitles(value.titles, at, issues);
  const scores = readReviewerScores(value.scores, (...sub) => at("scores", ...sub), issues);
  if (issues.length > before || !unitType) {
    return undefined;
  }
  const dataPlaces: Record<string, Place> = {};
  for (const key of Object.keys(data)) {
    dataPlaces[key] = at("data", key);
  }
  return {
    id,
    name,
    unitType,
    data: data as Json,
    titles,
    scores: scores.scores,
    place: at(),
    unitTypePlace: at("unitType"),
    dataPlaces,
    scorePlaces: scores.places,
  };
}

function readTitles(
  value: unknown,
  at: (...sub: (string | number)[]) => Place,
  issues: Issue[],
): Title[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    issues.push(error("cand.not_list", at("titles"), { key: "titles", found: describe(value) }));
    return [];
  }
  const titles: Title[] = [];
  value.forEach((entry: unknown, index) => {
    if (!isObject(entry)) {
      issues.push(error("cand.not_object", at("titles", index), { found: describe(entry) }));
      return;
    }
    const level = typeof entry.level === "string" ? parseLevel(entry.level) : undefined;
    if (!level) {
      issues.push(
        error("cand.title_level", at("titles", index, "level"), { found: describe(entry.level) }),
      );
    }
    const awarded = typeof entry.awarded === "string" ? entry.awarded.trim() : undefined;
    if (!awarded || !parseIsoDate(awarded)) {
      issues.push(
        error("data.date", at("titles", index, "awarded"), {
          label: "命名日期",
          found: describe(entry.awarded),
        }),
      );
    }
    const revoked = entry.revoked ?? false;
    if (typeof revoked !== "boolean") {
      issues.push(
        error("data.boolean", at("titles", index, "revoked"), {
          label: "是否撤销",
          found: describe(revoked),
        }),
      );
    }
    if (level && awarded && parseIsoDate(awarded) && typeof revoked === "boolean") {
      titles.push({ level, awarded, revoked });
    }
  });
  return titles;
}

/** Reads reviewer → indicator → points, checking only that the points are numbers. */
export function readReviewerScores(
  value: unknown,
  at: (...sub: (string | number)[]) => Place,
  issues: Issue[],
): { scores: ReviewerScores; places: Record<string, Record<string, Place>> } {
  const scores: Record<string, Record<string, number>> = {};
  const places: Record<string, Record<string, Place>> = {};
  if (value === undefined || value === null) {
    return { scores, places };
  }
  if (!isObject(value)) {
    issues.push(error("cand.not_object", at(), { found: describe(value) }));
    return { scores, places };
  }
  for (const [reviewer, byIndicator] of Object.entries(value)) {
    if (!isObject(byIndicator)) {
      issues.push(error("cand.not_object", at(reviewer), { found: describe(byIndicator) }));
      continue;
    }
    scores[reviewer] = {};
    places[reviewer] = {};
    for (const [indicator, points] of Object.entries(byIndicator)) {
      if (typeof points !== "number" || !Number.isFinite(points)) {
        issues.push(
          error("score.not_number", at(reviewer, indicator), {
            reviewer,
            indicator,
            found: describe(points),
          }),
        );
        continue;
      }
      scores[reviewer][indicator] = points;
      places[reviewer][indicator] = at(reviewer, indicator);
    }
  }
  return { scores, places };
}

/** One reviewer's score for one judged indicator of one candidate, with where it was read. */
export interface ScoreEntry {
  readonly reviewer: string;
  readonly candidateId: string;
  readonly indicator: string;
  readonly points: number;
  readonly place: Place;
}

/**
 * Reads reviewers' scores JSON, `{ "scores": { reviewer: { candidateId: { indicator: points } } } }`,
 * as entries; every problem located.
 */
export function readScoreEntries(source: SourceText): { entries: ScoreEntry[]; issues: Issue[] } {
  const parsed = parseSource(source.file, source.text);
  if (parsed.issues.length > 0) {
    return { entries: [], issues: [...parsed.issues] };
  }
  const root = parsed.value;
  const byReviewer = isObject(root) ? root.scores : undefined;
  const at = (...sub: (string | number)[]): Place => ({
    ...parsed.locate(["scores", ...sub]),
    path: pathText(["scores", ...sub]),
  });
  if (!isObject(byReviewer)) {
    return { entries: [], issues: [error("cand.no_list", parsed.locate([]), { key: "scores" })] };
  }
  const issues: Issue[] = [];
  const entries: ScoreEntry[] = [];
  for (const [reviewer, byCandidate] of Object.entries(byReviewer)) {
    if (!isObject(byCandidate)) {
      issues.push(error("cand.not_object", at(reviewer), { found: describe(byCandidate) }));
      continue;
    }
    for (const [candidateId, byIndicator] of Object.entries(byCandidate)) {
      const read = readReviewerScores(
        { [reviewer]: byIndicator },
        (...sub) => at(reviewer, candidateId, ...sub.slice(1)),
        issues,
      );
      for (const [indicator, points] of Object.entries(read.scores[reviewer] ?? {})) {
        const place = read.places[reviewer]?.[indicator] ?? at(reviewer, candidateId);
        entries.push({ reviewer, candidateId, indicator, points, place });
      }
    }
  }
  return { entries, issues };
}

/**
 * Adds reviewers' scores to the candidates they name; a score for a candidate that is not among
 * them is an error at the score's place. A later score of a reviewer for the same indicator wins.
 */
export function attachScoreEntries(
  candidates: readonly Candidate[],
  entries: readonly ScoreEntry[],
): { candidates: Candidate[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const scores = new Map<string, Record<string, Record<string, number>>>();
  const places = new Map<string, Record<string, Record<string, Place>>>();
  const known = new Set(candidates.map((candidate) => candidate.id));
  const reported = new Set<string>();
  for (const entry of entries) {
    if (!known.has(entry.candidateId)) {
      // once per reviewer and candidate, at the first of its scores
      const key = `${entry.reviewer}\u0000${entry.candidateId}`;
      if (!reported.has(key)) {
        reported.add(key);
        issues.push(error("score.unknown_candidate", entry.place, { id: entry.candidateId }));
      }
      continue;
    }
    const byReviewer = scores.get(entry.candidateId) ?? {};
    const placesByReviewer = places.get(entry.candidateId) ?? {};
    byReviewer[entry.reviewer] = { ...byReviewer[entry.reviewer], [entry.indicator]: entry.points };
    placesByReviewer[entry.reviewer] = {
      ...placesByReviewer[entry.reviewer],
      [entry.indicator]: entry.place,
    };
    scores.set(entry.candidateId, byReviewer);
    places.set(entry.candidateId, placesByReviewer);
  }
  return {
    candidates: candidates.map((candidate) => {
      const added = scores.get(candidate.id);
      if (!added) {
        return candidate;
      }
      const merged: Record<string, Record<string, number>> = { ...candidate.scores };
      const mergedPlaces: Record<string, Record<string, Place>> = { ...candidate.scorePlaces };
      for (const [reviewer, byIndicator] of Object.entries(added)) {
        merged[reviewer] = { ...merged[reviewer], ...byIndicator };
        mergedPlaces[reviewer] = {
          ...mergedPlaces[reviewer],
          ...places.get(candidate.id)?.[reviewer],
        };
      }
      return { ...candidate, scores: merged, scorePlaces: mergedPlaces };
    }),
    issues,
  };
}

/** Reads reviewers' scores JSON and adds them to the candidates. */
export function attachScores(
  candidates: readonly Candidate[],
  source: SourceText,
): { candidates: Candidate[]; issues: Issue[] } {
  const read = readScoreEntries(source);
  const attached = attachScoreEntries(candidates, read.entries);
  return { candidates: attached.candidates, issues: [...read.issues, ...attached.issues] };
}

function pathText(path: SourcePath): string {
  return path
    .map((step, index) =>
      typeof step === "number" ? `[${step}]` : index === 0 ? step : `.${step}`,
    )
    .join("");
}
