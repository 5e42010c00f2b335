import { memo } from "react";
import { span } from "../lines.ts";
import type { Span } from "../lines.ts";
import { widthOf } from "../text-width.ts";
import { LineView } from "./line-view.tsx";

/** A key and what it does. */
export interface KeyHelp {
  readonly key: string;
  readonly does: string;
}

/** Props of {@link HelpBar}. */
export interface HelpBarProps {
  /** the screen's keys, the most useful first */
  readonly keys: readonly KeyHelp[];
  /** always shown, at the end (help, quit) */
  readonly always?: readonly KeyHelp[];
  readonly width: number;
}

/** The bottom line: as many of the screen's keys as fit, then the ones always there. */
export const HelpBar = memo(function HelpBar({ keys, always = NONE, width }: HelpBarProps) {
  // a key with no words (the arrows on an English bar) is shown alone
  const item = ({ key, does }: KeyHelp): Span[] =>
    does === ""
      ? [span(key, { bold: true, color: "cyan" })]
      : [span(key, { bold: true, color: "cyan" }), span(` ${does}`)];
  const size = (help: KeyHelp) =>
    widthOf(help.key) + (help.does === "" ? 0 : 1 + widthOf(help.does));
  const tail = always.reduce((sum, help) => sum + size(help) + 2, 0);
  const spans: Span[] = [];
  let used = 0;
  for (const help of keys) {
    if (used + size(help) + 2 + tail > width + 2) {
      break;
    }
    spans.push(...item(help), span("  "));
    used += size(help) + 2;
  }
  for (const help of always) {
    spans.push(...item(help), span("  "));
  }
  return <LineView line={spans.slice(0, -1)} />;
});

const NONE: readonly KeyHelp[] = [];
