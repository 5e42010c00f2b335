import type { RuleLibrary, UnitType } from "@ceping/engine";
import { writeCandidateWorkbook } from "./write-candidate-workbook.ts";

/**
 * Writes the empty candidate workbook for a rule library (`ceping template`): every sheet and
 * column `readCandidateWorkbook` reads, with notes, drop-downs, range checks and one marked
 * example row per sheet, which import skips.
 */
export async function writeCandidateTemplate(
  path: string,
  library: RuleLibrary,
  options: { readonly validationRows?: number; readonly unitTypes?: readonly UnitType[] } = {},
): Promise<void> {
  await writeCandidateWorkbook(path, library, [], { ...options, example: true });
}
