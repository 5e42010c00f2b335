import { hasErrors, loadRuleLibrary, tableFor, toCents } from "@ceping/engine";
import type { Candidate, Cents, Issue, Level, RuleLibrary } from "@ceping/engine";
import type { CandidateRecord, Snapshot } from "./assessment-store.ts";
import type { CreatedPayload } from "./panel-events.ts";

/** The limits a reviewer's score for a judged indicator must meet on one table. */
export interface JudgedLimit {
  readonly table: string;
  readonly max: Cents;
  readonly step: Cents;
}

/** What an assessment is scored with: its rules (re-loaded from the snapshot) and candidates. */
export interface PanelContext {
  readonly location: string;
  readonly created: CreatedPayload;
  /** the rules as loaded from the snapshot, restricted to the assessment's level if it has one */
  readonly library: RuleLibrary;
  readonly levels: readonly Level[];
  readonly candidates: readonly CandidateRecord[];
  readonly candidateById: ReadonlyMap<string, CandidateRecord>;
  /** candidate → judged indicator id → its limits on each table that scores the candidate */
  readonly judged: ReadonlyMap<string, ReadonlyMap<string, readonly JudgedLimit[]>>;
  /** candidate → the vetoes the chair may raise for it (`raisedBy: panel` on one of its tables) */
  readonly panelVetoes: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Loads the rule files of a snapshot and works out what each candidate is scored on. */
export function loadPanelContext(
  location: string,
  snapshot: Snapshot,
  created: CreatedPayload,
): { context?: PanelContext; issues: Issue[] } {
  const selected = new Set(snapshot.ruleFiles.filter((f) => f.selected).map((f) => f.file));
  const loaded = loadRuleLibrary(
    snapshot.ruleFiles.map(({ file, text }) => ({ file, text })),
    { select: (file) => selected.has(file) },
  );
  if (!loaded.library || hasErrors(loaded.issues)) {
    return { issues: loaded.issues };
  }
  const library = restrictToLevel(loaded.library, created.level);
  const judged = new Map<string, Map<string, JudgedLimit[]>>();
  const panelVetoes = new Map<string, Set<string>>();
  for (const candidate of snapshot.candidates) {
    const limits = new Map<string, JudgedLimit[]>();
    const vetoes = new Set<string>();
    for (const rules of library.levels) {
      const table = tableFor(rules, candidate.unitType);
      if (!table) {
        continue;
      }
      for (const entry of table.compiled.indicators) {
        const scoring = entry.indicator.scoring;
        if (scoring.kind === "judged") {
          const list = limits.get(entry.indicator.id) ?? [];
          list.push({
            table: table.compiled.ruleSet.id,
            max: entry.max,
            step: toCents(scoring.step),
          });
          limits.set(entry.indicator.id, list);
        }
      }
      for (const { veto } of table.compiled.vetoes) {
        if (veto.raisedBy === "panel") {
          vetoes.add(veto.id);
        }
      }
    }
    judged.set(candidate.id, limits);
    panelVetoes.set(candidate.id, vetoes);
  }
  return {
    context: {
      location,
      created,
      library,
      levels: library.levels.map((rules) => rules.level),
      candidates: snapshot.candidates,
      candidateById: new Map(snapshot.candidates.map((c) => [c.id, c])),
      judged,
      panelVetoes,
    },
    issues: loaded.issues,
  };
}

/** The library with only the given level's tables scoring (all levels without one). */
export function restrictToLevel(library: RuleLibrary, level: Level | undefined): RuleLibrary {
  return level === undefined
    ? library
    : { ...library, levels: library.levels.filter((rules) => rules.level === level) };
}

/** A stored candidate as the engine's candidate, placed in the assessment, with scores. */
export function toEngineCandidate(
  location: string,
  record: CandidateRecord,
  index: number,
  scores: Candidate["scores"] = {},
): Candidate {
  return {
    id: record.id,
    name: record.name,
    unitType: record.unitType,
    data: record.data,
    titles: record.titles,
    scores,
    place: { file: location, path: `candidates[${index}]` },
  };
}
