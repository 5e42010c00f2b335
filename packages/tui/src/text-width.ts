import stringWidth from "string-width";

export type Align = "left" | "right";

// shown where text was cut: "…" is East Asian ambiguous and draws two columns wide in CJK terminals
const CUT = "~";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// a frame measures the same names, labels and characters again and again: string-width is the
// largest cost of a frame over 10,000 candidates, a lookup is not (bench/tui.ts)
const known = new Map<string, number>();

function measure(text: string): number {
  if (PRINTABLE_ASCII.test(text)) {
    return text.length;
  }
  let width = known.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (known.size >= 5000) {
      known.clear();
    }
    known.set(text, width);
  }
  return width;
}

/** The display width of text: East Asian wide characters count two columns. */
export function widthOf(text: string): number {
  return measure(text);
}

/** Cuts text to at most `width` columns, ending with `~` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) {
    return "";
  }
  if (measure(text) <= width) {
    return text;
  }
  let kept = "";
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = measure(segment);
    if (used + w > width - 1) {
      break;
    }
    kept += segment;
    used += w;
  }
  return kept + CUT;
}

/** Pads or cuts text to exactly `width` columns. */
export function fit(text: string, width: number, align: Align = "left"): string {
  const cut = truncate(text, width);
  const fill = " ".repeat(Math.max(0, width - measure(cut)));
  return align === "left" ? cut + fill : fill + cut;
}

/**
 * Breaks text into lines of at most `width` columns, at spaces where it can (Latin text) and
 * between any two characters otherwise (Chinese has no spaces).
 */
export function wrap(text: string, width: number): string[] {
  if (width <= 0) {
    return [text];
  }
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    let lastSpace = -1;
    for (const { segment } of graphemes.segment(paragraph)) {
      const w = measure(segment);
      if (used + w > width) {
        if (segment === " ") {
          lines.push(line);
          line = "";
          used = 0;
          lastSpace = -1;
          continue;
        }
        if (lastSpace > 0) {
          lines.push(line.slice(0, lastSpace));
          line = line.slice(lastSpace + 1);
          used = measure(line);
        } else {
          lines.push(line);
          line = "";
          used = 0;
        }
        lastSpace = -1;
      }
      if (segment === " ") {
        lastSpace = line.length;
      }
      line += segment;
      used += w;
    }
    lines.push(line);
  }
  return lines;
}
