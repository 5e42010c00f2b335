import type { CandidateRecord } from "./assessment-store.ts";
import type { ConflictKind } from "./panel-events.ts";

/** A conflict the program proposes because a reviewer's unit or township matches a candidate's. */
export interface ProposedConflict {
  readonly candidate: string;
  readonly kind: ConflictKind;
  /** the unit or township both share */
  readonly match: string;
}

/**
 * Proposes conflicts for a reviewer: same unit (the candidate's unit, or its name when no unit is
 * given) or same township. Names are compared after NFKC and without spaces, so 州(市) and 州（市）
 * match; one proposal per candidate, the same unit first.
 */
export function proposeConflicts(
  reviewer: { readonly unit?: string; readonly township?: string },
  candidates: readonly CandidateRecord[],
): ProposedConflict[] {
  const unit = normalize(reviewer.unit);
  const township = normalize(reviewer.township);
  const proposals: ProposedConflict[] = [];
  for (const candidate of candidates) {
    if (unit && normalize(candidate.unit ?? candidate.name) === unit) {
      proposals.push({ candidate: candidate.id, kind: "same_unit", match: reviewer.unit ?? "" });
    } else if (township && normalize(candidate.township) === township) {
      proposals.push({ candidate: candidate.id, kind: "township", match: reviewer.township ?? "" });
    }
  }
  return proposals;
}

function normalize(name: string | undefined): string {
  return (name ?? "").normalize("NFKC").replace(/\s+/g, "");
}
