import { scoreCandidates } from "@ceping/engine";
import type { CandidateScore, RuleLibrary } from "@ceping/engine";
import { openAssessment } from "@ceping/store";
import type { Assessment, AssessmentStore, Conflict, OpenOptions, SheetView } from "@ceping/store";
import type {
  ConflictMark,
  ExportKind,
  MaybePromise,
  Outcome,
  PanelSession,
  SessionView,
  SheetScores,
  SheetState,
  VisibleSheets,
} from "./panel-session.ts";

/** How a session on an assessment is made. */
export interface AssessmentSessionOptions {
  /** who uses the UI: a reviewer or the chair, by name; anyone else only looks */
  readonly user: string;
  /** the rules the assessment scores with, as loaded from its snapshot */
  readonly library: RuleLibrary;
  /** writes the results workbook or the public notice list, when the caller can */
  readonly exportResults?: (kind: ExportKind) => MaybePromise<Outcome<{ file: string }>>;
}

interface Progress {
  scored: number;
  submitted: boolean;
  conflict?: ConflictMark;
}

interface Derived {
  readonly seq: number;
  readonly view: SessionView;
  /** candidate → reviewer → how far they are */
  readonly sheets: Map<string, Map<string, Progress>>;
  readonly explained: Map<string, CandidateScore | undefined>;
}

function toMark(conflict: Conflict): ConflictMark {
  return {
    kind: conflict.kind,
    source: conflict.source,
    ...(conflict.note !== undefined && { note: conflict.note }),
    ...(conflict.match !== undefined && { match: conflict.match }),
  };
}

function toSheet(sheet: SheetView): SheetScores {
  return {
    reviewer: sheet.reviewer,
    submitted: sheet.submitted,
    scores: Object.fromEntries(
      Object.entries(sheet.scores).flatMap(([id, versions]) => {
        const last = versions[versions.length - 1];
        return last
          ? [
              [
                id,
                {
                  points: last.points,
                  ...(last.note !== undefined && { note: last.note }),
                  version: versions.length,
                },
              ],
            ]
          : [];
      }),
    ),
  };
}

/**
 * A session on an open assessment (`@ceping/store`): every action is the store's, checked against
 * the panel's rules and committed to the file before it returns; the view is derived again after
 * each event.
 */
export function sessionFromAssessment(
  assessment: Assessment,
  options: AssessmentSessionOptions,
): PanelSession {
  const { user, library } = options;
  const listeners = new Set<() => void>();
  let derived: Derived | undefined;

  const derive = (): Derived => {
    const info = assessment.info();
    if (derived?.seq === info.events) {
      return derived;
    }
    const results = assessment.results();
    const state = assessment.state();
    // the store keys a reviewer's work on a candidate as `${candidate}\u0000${reviewer}`
    const split = (key: string) => key.split("\u0000") as [string, string];
    const sheets: Derived["sheets"] = new Map();
    const slot = (candidate: string, reviewer: string) => {
      const byReviewer = sheets.get(candidate) ?? new Map<string, Progress>();
      sheets.set(candidate, byReviewer);
      const entry: Progress = byReviewer.get(reviewer) ?? { scored: 0, submitted: false };
      byReviewer.set(reviewer, entry);
      return entry;
    };
    for (const [key, scores] of state.scores) {
      const [candidate, reviewer] = split(key);
      slot(candidate, reviewer).scored = scores.size;
    }
    for (const key of state.submitted.keys()) {
      const [candidate, reviewer] = split(key);
      slot(candidate, reviewer).submitted = true;
    }
    for (const conflict of state.conflicts.values()) {
      if (!conflict.dismissed) {
        slot(conflict.candidate, conflict.reviewer).conflict = toMark(conflict);
      }
    }
    derived = {
      seq: info.events,
      sheets,
      explained: new Map(),
      view: {
        ...(info.title !== undefined && { title: info.title }),
        on: info.on,
        user,
        isChair: info.chair === user,
        isReviewer: info.reviewers.includes(user),
        ...(info.chair !== undefined && { chair: info.chair }),
        reviewers: info.reviewers,
        locked: info.locked,
        finalHash: info.finalHash,
        results: results.results,
        standings: results.levels,
        issues: results.issues,
      },
    };
    return derived;
  };

  const changed = <T>(outcome: Outcome<T>): Outcome<T> => {
    if (outcome.ok) {
      for (const listener of [...listeners]) {
        listener();
      }
    }
    return outcome;
  };

  const first = derive().view;
  const session: PanelSession = {
    library,
    view: () => derive().view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    explain(candidate) {
      const { view, explained } = derive();
      if (!explained.has(candidate)) {
        const result = view.results.find((entry) => entry.candidate.id === candidate);
        const raised = assessment.state().vetoes.get(candidate);
        explained.set(
          candidate,
          result &&
            scoreCandidates(library, [result.candidate], {
              on: view.on,
              raisedVetoes: new Map([[candidate, [...(raised?.keys() ?? [])]]]),
              explain: true,
            }).results[0],
        );
      }
      return explained.get(candidate);
    },
    sheets(candidate): SheetState[] {
      const { view, sheets } = derive();
      return view.reviewers.map((reviewer) => {
        const entry = sheets.get(candidate)?.get(reviewer);
        return {
          reviewer,
          ...(entry?.conflict && { conflict: entry.conflict }),
          submitted: entry?.submitted ?? false,
          scored: entry?.scored ?? 0,
        };
      });
    },
    visibleScores(candidate): VisibleSheets {
      const found = assessment.scoresFor(user, candidate);
      if (!found.ok) {
        return { others: "hidden" };
      }
      const { conflict, own, others } = found.value;
      return {
        ...(conflict && { conflict: toMark(conflict) }),
        ...(own && { own: toSheet(own) }),
        others: others === "hidden" ? "hidden" : others.map(toSheet),
      };
    },
    ...(options.exportResults && { exportResults: options.exportResults }),
  };
  if (first.isReviewer) {
    session.saveScore = ({ candidate, indicator, points, note, reason }) => {
      const receipt = assessment.enterScore({
        actor: user,
        reviewer: user,
        candidate,
        indicator,
        points,
        ...(note !== undefined && { note }),
        ...(reason !== undefined && { reason }),
      });
      return changed(
        receipt.ok
          ? {
              ok: true,
              issues: receipt.issues,
              value: { version: receipt.value.version, changed: receipt.value.changed },
            }
          : receipt,
      );
    };
    session.submitSheet = (candidate) =>
      changed(assessment.submitSheet({ actor: user, reviewer: user, candidate }));
  }
  if (first.isReviewer || first.isChair) {
    // the store decides who may declare for whom: the reviewer for themselves, the chair for anyone
    session.declareConflict = (input) =>
      changed(assessment.declareConflict({ actor: user, ...input }));
  }
  if (first.isChair) {
    session.dismissConflict = (input) =>
      changed(assessment.dismissConflict({ actor: user, ...input }));
    session.raiseVeto = (input) => changed(assessment.raiseVeto({ actor: user, ...input }));
    session.withdrawVeto = (input) => changed(assessment.withdrawVeto({ actor: user, ...input }));
    session.setQuota = (input) => changed(assessment.setQuota({ actor: user, ...input }));
    session.disposeFlag = (input) => changed(assessment.disposeFlag({ actor: user, ...input }));
    session.decideTie = (input) => changed(assessment.decideTie({ actor: user, ...input }));
    session.lock = () => changed(assessment.lock({ actor: user }));
  }
  return session;
}

/**
 * Opens an assessment file (or store) as a user and makes a session of it: its rules come from
 * the file's own snapshot. Issues when the rules no longer load; the store's errors (the file in
 * use, not an assessment …) are thrown for the caller to show. `close` releases the file.
 */
export function openAssessmentSession(
  target: string | AssessmentStore,
  options: Omit<AssessmentSessionOptions, "library"> & OpenOptions,
): Outcome<{ session: PanelSession; close: () => void }> {
  const opened = openAssessment(target, options.now ? { now: options.now } : {});
  if (!opened.ok) {
    return opened;
  }
  const assessment = opened.value;
  // the rules as the assessment loaded them from its snapshot (one level's tables, if it has one)
  const library = assessment.library();
  return {
    ok: true,
    issues: [],
    value: {
      session: sessionFromAssessment(assessment, {
        user: options.user,
        library,
        ...(options.exportResults && { exportResults: options.exportResults }),
      }),
      close: () => assessment.close(),
    },
  };
}
