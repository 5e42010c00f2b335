import type { DataValidation, Worksheet } from "exceljs";

// exceljs has `worksheet.dataValidations.add(range, …)` (one element for a whole range, also in
// the streaming writer), but its typings leave it out
interface WithValidations {
  readonly dataValidations: { add(range: string, validation: DataValidation): void };
}

/** Adds one data validation for a whole range of cells (`C2:C1001`). */
export function addValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  (sheet as unknown as WithValidations).dataValidations.add(range, validation);
}
