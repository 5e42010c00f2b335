/** Columns a text takes on screen: East Asian wide and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

/** A column width (in Excel's character units) that fits the widest of some texts, within bounds. */
export function columnWidth(texts: readonly string[], min = 8, max = 40): number {
  let widest = 0;
  for (const text of texts) {
    for (const line of text.split("\n")) {
      widest = Math.max(widest, displayWidth(line));
    }
  }
  return Math.min(max, Math.max(min, widest + 2));
}
