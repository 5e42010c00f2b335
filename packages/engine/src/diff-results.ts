import type { Cents } from "./points.ts";
import type { CandidateScore } from "./score-candidates.ts";
import type { Status } from "./score-candidate.ts";
import type { Level } from "./vocabulary.ts";

/** One candidate's standing on one level: what a change of rules may move. */
export interface Standing {
  readonly ruleset: string;
  readonly status: Status;
  readonly total: Cents;
  /** rank by total among the candidates scored on the same table, ties sharing a rank */
  readonly rank: number;
}

/** How one candidate's results differ between two scorings; only what changed is listed. */
export interface CandidateChange {
  readonly id: string;
  readonly name: string;
  readonly highest?: { readonly before: Level | null; readonly after: Level | null };
  readonly levels: readonly {
    readonly level: Level;
    readonly before?: Standing;
    readonly after?: Standing;
    readonly changed: readonly ("status" | "total" | "rank" | "table")[];
  }[];
}

function standings(results: readonly CandidateScore[]): Map<string, Map<Level, Standing>> {
  const byTable = new Map<string, { id: string; total: Cents }[]>();
  for (const { candidate, levels } of results) {
    for (const score of levels) {
      const key = `${score.level}|${score.compiled.ruleSet.id}`;
      byTable.set(key, [...(byTable.get(key) ?? []), { id: candidate.id, total: score.total }]);
    }
  }
  const ranks = new Map<string, number>();
  for (const [key, entries] of byTable) {
    for (const entry of entries) {
      ranks.set(
        `${key}|${entry.id}`,
        1 + entries.filter((other) => other.total > entry.total).length,
      );
    }
  }
  const result = new Map<string, Map<Level, Standing>>();
  for (const { candidate, levels } of results) {
    const byLevel = new Map<Level, Standing>();
    for (const score of levels) {
      const ruleset = score.compiled.ruleSet.id;
      byLevel.set(score.level, {
        ruleset,
        status: score.status,
        total: score.total,
        rank: ranks.get(`${score.level}|${ruleset}|${candidate.id}`) ?? 0,
      });
    }
    result.set(candidate.id, byLevel);
  }
  return result;
}

/**
 * The candidates whose status, total, rank or highest level differ between two scorings of the
 * same candidates (before and after a change of rules); unchanged candidates are left out.
 */
export function diffResults(
  before: readonly CandidateScore[],
  after: readonly CandidateScore[],
): CandidateChange[] {
  const old = standings(before);
  const next = standings(after);
  const highestBefore = new Map(before.map((result) => [result.candidate.id, result.highest]));
  const changes: CandidateChange[] = [];
  for (const { candidate, highest } of after) {
    const was = old.get(candidate.id) ?? new Map<Level, Standing>();
    const now = next.get(candidate.id) ?? new Map<Level, Standing>();
    const levels: CandidateChange["levels"][number][] = [];
    for (const level of new Set([...was.keys(), ...now.keys()])) {
      const a = was.get(level);
      const b = now.get(level);
      const changed: ("status" | "total" | "rank" | "table")[] = [];
      if (!a || !b || a.ruleset !== b.ruleset) {
        changed.push("table");
      }
      if (a?.status !== b?.status) {
        changed.push("status");
      }
      if (a?.total !== b?.total) {
        changed.push("total");
      }
      if (a?.rank !== b?.rank) {
        changed.push("rank");
      }
      if (changed.length > 0) {
        levels.push({ level, ...(a && { before: a }), ...(b && { after: b }), changed });
      }
    }
    const highestWas = highestBefore.get(candidate.id) ?? null;
    if (levels.length > 0 || highestWas !== highest) {
      changes.push({
        id: candidate.id,
        name: candidate.name,
        ...(highestWas !== highest && { highest: { before: highestWas, after: highest } }),
        levels,
      });
    }
  }
  return changes;
}
