import { fit, widthOf, wrap } from "./text-width.ts";
import type { Align } from "./text-width.ts";

/** A run of text in one style. */
export interface Span {
  readonly text: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
}

/** A line of the screen, never wider than the width it was made for. */
export type Line = readonly Span[];

export type Style = Omit<Span, "text">;

/** A cell of a row: text fitted to a width. */
export interface Cell extends Style {
  readonly text: string;
  readonly width: number;
  readonly align?: Align;
}

/** A span of text in a style. */
export function span(text: string, style: Style = {}): Span {
  return { text, ...style };
}

/** Cells fitted to their widths, one space apart, as one line; a cell of no width is left out. */
export function row(cells: readonly Cell[]): Line {
  const spans: Span[] = [];
  cells.forEach((cell) => {
    if (cell.width <= 0) {
      return;
    }
    if (spans.length > 0) {
      spans.push({ text: " " });
    }
    const { text, width, align, ...style } = cell;
    spans.push({ text: fit(text, width, align), ...style });
  });
  return spans;
}

/**
 * Cells, then text that wraps in the width left: continuation lines are indented to where the
 * text began, so a table's last column can hold a paragraph.
 */
export function rowWithText(
  cells: readonly Cell[],
  text: string,
  width: number,
  style: Style = {},
): Line[] {
  const head = row(cells);
  const used = head.reduce((sum, part) => sum + widthOf(part.text), 0) + (cells.length > 0 ? 1 : 0);
  const chunks = text === "" ? [""] : wrap(text, Math.max(8, width - used));
  return chunks.map((chunk, index) => {
    const lead: Span[] = index === 0 ? [...head] : [{ text: " ".repeat(used - 1) }];
    return chunk === "" ? lead : [...lead, { text: " " }, { text: chunk, ...style }];
  });
}

/** Text wrapped to a width, each line indented, in one style. */
export function paragraph(text: string, width: number, indent = 0, style: Style = {}): Line[] {
  const pad = " ".repeat(indent);
  return wrap(text, Math.max(8, width - indent)).map((chunk) => [{ text: pad + chunk, ...style }]);
}

/** The display width of a line. */
export function lineWidth(line: Line): number {
  return line.reduce((sum, part) => sum + widthOf(part.text), 0);
}

/** Lines that may be many: how many there are, and each one made only when it is shown. */
export interface LineList {
  readonly length: number;
  at(index: number): Line | undefined;
}

/** Lines made on demand by `at`. */
export function lazyLines(length: number, at: (index: number) => Line): LineList {
  return { length, at: (index) => (index >= 0 && index < length ? at(index) : undefined) };
}

/** Several lists of lines as one. */
export function joinLines(...parts: readonly LineList[]): LineList {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return {
    length,
    at(index) {
      let at = index;
      for (const part of parts) {
        if (at < part.length) {
          return at >= 0 ? part.at(at) : undefined;
        }
        at -= part.length;
      }
      return undefined;
    },
  };
}
