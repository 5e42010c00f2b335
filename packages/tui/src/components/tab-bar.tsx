import type { Lang } from "@ceping/engine";
import { memo } from "react";
import { span } from "../lines.ts";
import type { Line } from "../lines.ts";
import { widthOf } from "../text-width.ts";
import { say, TEXT } from "../tui-text.ts";
import type { ScreenId } from "../ui-context.ts";
import { LineView } from "./line-view.tsx";

/** A screen reachable by a number key. */
export interface Tab {
  readonly key: string;
  readonly screen: ScreenId;
  readonly label: string;
}

/** Props of {@link TabBar}. */
export interface TabBarProps {
  readonly tabs: readonly Tab[];
  readonly active: ScreenId;
  /** said on the right: who is using it, and the date */
  readonly who: string;
  readonly width: number;
}

/** The top line: the screens by number, the active one in brackets, and who is using it. */
export const TabBar = memo(function TabBar({ tabs, active, who, width }: TabBarProps) {
  const parts: Line[number][] = [];
  for (const tab of tabs) {
    const text = `${tab.key} ${tab.label}`;
    parts.push(
      tab.screen === active ? span(`[${text}]`, { bold: true, color: "cyan" }) : span(` ${text} `),
    );
  }
  const used = parts.reduce((sum, part) => sum + widthOf(part.text), 0);
  const right = widthOf(who) + 1 <= width - used ? who : "";
  const gap = " ".repeat(Math.max(0, width - used - widthOf(right)));
  return <LineView line={[...parts, span(gap), span(right, { dim: true })]} />;
});

/** The tabs a user has: scoring for reviewers, the panel for the chair. */
export function tabsFor(isReviewer: boolean, isChair: boolean, lang: Lang): Tab[] {
  const tabs: Tab[] = [{ key: "1", screen: "candidates", label: say(TEXT.candidates, lang) }];
  if (isReviewer) {
    tabs.push({ key: "2", screen: "scoring", label: say(TEXT.scoring, lang) });
  }
  if (isChair) {
    tabs.push({ key: "3", screen: "panel", label: say(TEXT.panel, lang) });
  }
  tabs.push({ key: "4", screen: "results", label: say(TEXT.results, lang) });
  tabs.push({ key: "5", screen: "rules", label: say(TEXT.rules, lang) });
  return tabs;
}
