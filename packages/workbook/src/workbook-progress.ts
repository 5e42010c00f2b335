/** How far a long read or write has come, for a progress line on a terminal. */
export interface WorkbookProgress {
  /** the sheet being read or written */
  readonly sheet: string;
  /** rows read, or lines (a candidate at a level) or candidates written, so far */
  readonly done: number;
  /** how many there are to write; unknown when reading */
  readonly total?: number;
}

/** Called as work goes on: often, so a caller that draws should throttle. */
export type OnWorkbookProgress = (progress: WorkbookProgress) => void;
