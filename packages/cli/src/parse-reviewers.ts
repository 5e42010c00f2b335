import type { ReviewerInput } from "@ceping/store";

/**
 * Reviewers as the command line gives them: names separated by commas (or 、), each optionally
 * followed by its unit and township after colons (`王建华:县民宗局:河西镇`, `马秀兰::城关镇`), so
 * that the store can propose the conflicts a shared unit or township implies.
 */
export function parseReviewers(text: string): ReviewerInput[] {
  return splitNames(text)
    .map((entry) => entry.split(/[:：]/).map((part) => part.trim()))
    .filter(([name]) => name !== undefined && name !== "")
    .map(([name = "", unit = "", township = ""]) => ({
      name,
      ...(unit !== "" && { unit }),
      ...(township !== "" && { township }),
    }));
}

/** A list of names as typed: separated by commas (half or full width) or 、, blanks left out. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}
