/** Bounds on what an imported workbook may hold, so a hostile or mistaken file is refused early. */
export interface WorkbookLimits {
  /** size of the .xlsx file itself @default 100 MiB */
  readonly maxFileBytes: number;
  /** all zip entries unpacked, as the central directory declares and as they really inflate @default 256 MiB */
  readonly maxUnpackedBytes: number;
  /** entries in the zip @default 1000 */
  readonly maxEntries: number;
  /** unpacked ÷ packed size of one entry, checked for entries above 1 MiB unpacked @default 100 */
  readonly maxRatio: number;
  /** data rows (below the header) of one sheet @default 100000 */
  readonly maxRows: number;
  /** columns of one sheet @default 256 */
  readonly maxColumns: number;
}

/** The limits used when a caller gives none. */
export const DEFAULT_LIMITS: WorkbookLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUnpackedBytes: 256 * 1024 * 1024,
  maxEntries: 1000,
  maxRatio: 100,
  maxRows: 100_000,
  maxColumns: 256,
};
