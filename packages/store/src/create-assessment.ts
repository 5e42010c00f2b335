import { randomUUID } from "node:crypto";
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { error, hasErrors, scoreCandidates } from "@ceping/engine";
import type { Candidate, Issue, Level, Place, ScoreEntry, SourceText } from "@ceping/engine";
import type { Quota } from "./admit-by-quota.ts";
import type { Assessment } from "./assessment.ts";
import type {
  AssessmentStore,
  CandidateRecord,
  RuleFileRecord,
  Snapshot,
} from "./assessment-store.ts";
import { canonicalJson, sha256Hex } from "@ceping/engine";
import { chainEvents, GENESIS_HASH } from "./chain-events.ts";
import { checkDrafts } from "./check-drafts.ts";
import type { Draft } from "./check-drafts.ts";
import { openAssessment } from "./open-assessment.ts";
import type { OpenOptions } from "./open-assessment.ts";
import { planImport } from "./plan-import.ts";
import { PROGRAM_ACTOR } from "./panel-events.ts";
import type { CreatedPayload } from "./panel-events.ts";
import { loadPanelContext } from "./panel-context.ts";
import { DEFAULT_PANEL_POLICY, resolvePanelPolicy } from "./panel-policy.ts";
import type { PanelPolicyInput } from "./panel-policy.ts";
import { applyPanelEvent, createPanelState } from "./panel-state.ts";
import { proposeConflicts } from "./propose-conflicts.ts";
import { regionOf } from "./region-of.ts";
import type { Result } from "./result.ts";
import { openSqliteStore } from "./sqlite-store.ts";

/** A panel member as given at creation: a name, and a unit and township for proposing conflicts. */
export interface ReviewerInput {
  readonly name: string;
  readonly unit?: string;
  readonly township?: string;
}

/** A candidate as read by the engine (places optional), with where it is for quotas and conflicts. */
export type CandidateInput = Omit<Candidate, "place" | "scores"> & {
  readonly place?: Place;
  /** reviewers' scores given with the candidate: recorded and submitted as read-back sheets */
  readonly scores?: Candidate["scores"];
  /** for quotas per region @default `data.region`, else the township (`regionOf`) */
  readonly region?: string;
  /** default: `data.township` when it is text */
  readonly township?: string;
  /** the candidate's unit for same-unit conflicts; default: its name */
  readonly unit?: string;
};

/** What `ceping init` makes an assessment from. */
export interface AssessmentInit {
  /** the rule files as read (`SourceText`s), and which of them to score with (default: all) */
  readonly rules: { readonly sources: readonly SourceText[]; readonly selected?: Iterable<string> };
  readonly candidates: readonly CandidateInput[];
  /** the assessment date, ISO */
  readonly on: string;
  /** score one level only */
  readonly level?: Level;
  /** the panel; without one, score sheets add the reviewers they name */
  readonly reviewers?: readonly (string | ReviewerInput)[];
  readonly chair?: string;
  readonly quotas?: readonly Quota[];
  /** divergence limits, tie-break chain, agreement minima: declared before scoring */
  readonly policy?: PanelPolicyInput;
  readonly title?: string;
  /** who prepares it (the secretariat) @default "secretariat" */
  readonly actor?: string;
}

/**
 * Creates an assessment: checks the rules, candidates, panel and settings (every problem at once,
 * nothing written when any is an error), then writes the snapshot and the first events in one
 * step. A path gets a new SQLite file, written beside it and renamed into place, never over an
 * existing file; a store must be empty.
 */
export function createAssessment(
  target: string | AssessmentStore,
  init: AssessmentInit,
  options: OpenOptions & { readonly id?: string } = {},
): Result<Assessment> {
  const location = typeof target === "string" ? target : target.location;
  const place: Place = { file: location };
  const actor = init.actor ?? "secretariat";
  const issues: Issue[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(init.on) || Number.isNaN(Date.parse(`${init.on}T00:00:00Z`))) {
    issues.push(error("store.on", place, { found: init.on }));
  }
  const { policy, problems } = resolvePanelPolicy(init.policy);
  for (const problem of problems) {
    issues.push(error("store.policy", { file: location, path: `policy.${problem.path}` }, problem));
  }
  if (init.candidates.length === 0) {
    issues.push(error("store.no_candidates", place));
  }
  if (typeof target === "string" && existsSync(target)) {
    issues.push(error("store.exists", place, { file: location }));
  }
  const selected = new Set(init.rules.selected ?? init.rules.sources.map((source) => source.file));
  const snapshot: Snapshot = {
    ruleFiles: [...init.rules.sources]
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .map((source): RuleFileRecord => ({
        file: source.file,
        text: source.text,
        selected: selected.has(source.file),
      })),
    candidates: init.candidates.map(toRecord),
  };
  const draft: CreatedPayload = {
    assessment: options.id ?? randomUUID(),
    ...(init.title !== undefined && { title: init.title }),
    on: init.on,
    ...(init.level !== undefined && { level: init.level }),
    rules: { hash: snapshotHash(snapshot.ruleFiles), ruleSets: [] },
    candidates: { hash: snapshotHash(snapshot.candidates), count: snapshot.candidates.length },
    policy: problems.length > 0 ? DEFAULT_PANEL_POLICY : policy,
    openRoster: (init.reviewers ?? []).length === 0,
  };
  const loaded = loadPanelContext(location, snapshot, draft);
  issues.push(...loaded.issues);
  if (!loaded.context || hasErrors(issues)) {
    return { ok: false, issues };
  }
  const library = loaded.context.library;
  if (library.levels.length === 0) {
    return {
      ok: false,
      issues: [
        error("store.level_unknown", place, {
          level: init.level ?? "-",
          levels: [
            ...new Set([...loaded.context.library.ruleSets.values()].map((t) => t.ruleSet.level)),
          ].join("、"),
        }),
      ],
    };
  }
  const created: CreatedPayload = {
    ...draft,
    rules: {
      hash: draft.rules.hash,
      ruleSets: library.levels.flatMap((rules) =>
        rules.tables.map(({ ruleSet }) => ({
          id: ruleSet.id,
          version: ruleSet.version,
          hash: ruleSet.hash,
        })),
      ),
    },
  };
  const context = { ...loaded.context, created };
  const engineCandidates = init.candidates.map((candidate, index): Candidate => ({
    ...candidate,
    scores: candidate.scores ?? {},
    place: candidate.place ?? { file: location, path: `candidates[${index}]` },
  }));
  const checked = scoreCandidates(library, engineCandidates, { on: init.on });
  issues.push(...checked.issues);
  if (hasErrors(issues)) {
    return { ok: false, issues };
  }

  const at = (options.now ?? (() => new Date()))().toISOString();
  const drafts: Draft[] = [];
  for (const given of init.reviewers ?? []) {
    const reviewer = typeof given === "string" ? { name: given } : given;
    drafts.push({ actor, event: { kind: "reviewer.added", payload: reviewer } });
    for (const proposal of proposeConflicts(reviewer, snapshot.candidates)) {
      drafts.push({
        actor: PROGRAM_ACTOR,
        event: { kind: "conflict.proposed", payload: { reviewer: reviewer.name, ...proposal } },
      });
    }
  }
  if (init.chair !== undefined) {
    drafts.push({ actor, event: { kind: "chair.assigned", payload: { name: init.chair } } });
  }
  for (const quota of init.quotas ?? []) {
    drafts.push({ actor, event: { kind: "quota.set", payload: quota } });
  }
  const state = createPanelState(created);
  issues.push(...checkDrafts(context, state, drafts, place, at));
  if (hasErrors(issues)) {
    return { ok: false, issues };
  }
  drafts.forEach((d, i) => applyPanelEvent(state, d.event, { seq: i + 2, at, actor: d.actor }));
  const planned = planImport(context, state, { actor, entries: embeddedScores(engineCandidates) });
  issues.push(...planned.issues);
  if (!planned.ok) {
    return { ok: false, issues };
  }
  const events = chainEvents(
    { seq: 0, hash: GENESIS_HASH },
    [
      { actor, kind: "assessment.created", payload: created },
      ...[...drafts, ...planned.value.drafts].map((d) => ({
        actor: d.actor,
        kind: d.event.kind,
        payload: d.event.payload,
      })),
    ],
    at,
  );

  if (typeof target !== "string") {
    target.initialize(snapshot, events);
    const opened = openAssessment(target, options);
    return opened.ok ? { ...opened, issues: [...issues, ...opened.issues] } : opened;
  }
  // written whole beside the target and renamed into place: a crash leaves no half assessment
  const temporary = `${target}.${process.pid}.creating`;
  const store = openSqliteStore(temporary, { create: true });
  try {
    store.initialize(snapshot, events);
    store.close();
    renameSync(temporary, target);
    syncFolder(dirname(target));
  } catch (cause) {
    store.close();
    rmSync(temporary, { force: true });
    rmSync(`${temporary}-wal`, { force: true });
    throw cause;
  }
  const opened = openAssessment(target, options);
  return opened.ok ? { ...opened, issues: [...issues, ...opened.issues] } : opened;
}

/** SHA-256 of part of a snapshot, as recorded in the first event. */
export function snapshotHash(part: unknown): string {
  return sha256Hex(canonicalJson(part));
}

// the rename is durable only once the folder is synced (POSIX; a no-op where it cannot be done)
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some systems cannot open or sync a folder; the file itself is synced already
  }
}

function toRecord(candidate: CandidateInput): CandidateRecord {
  const text = (value: unknown) =>
    typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  const region = regionOf(candidate);
  const township = candidate.township ?? text(candidate.data.township);
  return {
    id: candidate.id,
    name: candidate.name,
    unitType: candidate.unitType,
    data: candidate.data,
    titles: candidate.titles,
    ...(region !== undefined && { region }),
    ...(township !== undefined && { township }),
    ...(candidate.unit !== undefined && { unit: candidate.unit }),
  };
}

function embeddedScores(candidates: readonly Candidate[]): ScoreEntry[] {
  return candidates.flatMap((candidate) =>
    Object.entries(candidate.scores).flatMap(([reviewer, byIndicator]) =>
      Object.entries(byIndicator).map(([indicator, points]) => ({
        reviewer,
        candidateId: candidate.id,
        indicator,
        points,
        place: candidate.scorePlaces?.[reviewer]?.[indicator] ?? candidate.place,
      })),
    ),
  );
}
