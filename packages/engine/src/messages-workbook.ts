import type { Template } from "./messages.ts";

/** Messages of workbooks (import, template, score sheets, results), in both languages; codes start with their area. */
export const WORKBOOK_MESSAGES = {} satisfies Record<string, { zh: Template; en: Template }>;
