import type { CandidateRow } from "./candidate-rows.ts";
import type { PanelSession, SessionView } from "./panel-session.ts";

/** How many score sheets a candidate expects (reviewers without a conflict) and how many are in. */
export interface SheetCount {
  readonly submitted: number;
  readonly expected: number;
}

// `session.sheets` makes an object per reviewer: for 10,000 candidates that is 15–20 ms, too much
// for a key. The counts are kept per view (a new view comes after every change).
const countsOfView = new WeakMap<SessionView, Map<string, SheetCount>>();

function countsOf(view: SessionView): Map<string, SheetCount> {
  let counts = countsOfView.get(view);
  if (!counts) {
    counts = new Map();
    countsOfView.set(view, counts);
  }
  return counts;
}

function count(session: PanelSession, candidate: string): SheetCount {
  let submitted = 0;
  let expected = 0;
  for (const sheet of session.sheets(candidate)) {
    if (!sheet.conflict) {
      expected += 1;
      submitted += sheet.submitted ? 1 : 0;
    }
  }
  return { submitted, expected };
}

/** A candidate's sheets counted, once per view. */
export function sheetCount(
  session: PanelSession,
  view: SessionView,
  candidate: string,
): SheetCount {
  const counts = countsOf(view);
  let found = counts.get(candidate);
  if (!found) {
    found = count(session, candidate);
    counts.set(candidate, found);
  }
  return found;
}

const totals = new WeakMap<SessionView, WeakMap<readonly CandidateRow[], SheetCount>>();

/** The sheets of all the rows' candidates counted together, once per view and array of rows. */
export function panelProgress(
  session: PanelSession,
  view: SessionView,
  rows: readonly CandidateRow[],
): SheetCount {
  let byRows = totals.get(view);
  if (!byRows) {
    byRows = new WeakMap();
    totals.set(view, byRows);
  }
  let total = byRows.get(rows);
  if (!total) {
    let submitted = 0;
    let expected = 0;
    for (const entry of rows) {
      const found = sheetCount(session, view, entry.result.candidate.id);
      submitted += found.submitted;
      expected += found.expected;
    }
    total = { submitted, expected };
    byRows.set(rows, total);
  }
  return total;
}

/**
 * Counting the sheets of every candidate of a view, as tasks of `slice` candidates each, and then
 * those of the rows the list shows: to run ahead (`runAhead`), so that the panel's screen, which
 * shows the list's rows, opens without counting them.
 */
export function sheetCountTasks(
  session: PanelSession,
  view: SessionView,
  rows: readonly CandidateRow[],
  slice = 500,
): (() => unknown)[] {
  const tasks: (() => unknown)[] = [];
  for (let start = 0; start < view.results.length; start += slice) {
    tasks.push(() => {
      for (const result of view.results.slice(start, start + slice)) {
        sheetCount(session, view, result.candidate.id);
      }
    });
  }
  tasks.push(() => panelProgress(session, view, rows));
  return tasks;
}
