import type { Template } from "./messages.ts";

/** Messages of the assessment store, in both languages; codes start with their area. */
export const STORE_MESSAGES = {} satisfies Record<string, { zh: Template; en: Template }>;
