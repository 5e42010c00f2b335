import stringWidth from "string-width";

export type Align = "left" | "right";

// shown where text was cut: "…" is East Asian ambiguous and draws two columns wide in CJK terminals
const CUT = "~";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The display width of text: East Asian wide characters count two columns. */
export function widthOf(text: string): number {
  return stringWidth(text);
}

/** Cuts text to at most `width` columns, ending with `~` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) {
    return "";
  }
  if (stringWidth(text) <= width) {
    return text;
  }
  let kept = "";
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
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
  const fill = " ".repeat(Math.max(0, width - stringWidth(cut)));
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
      const w = stringWidth(segment);
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
          used = stringWidth(line);
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
