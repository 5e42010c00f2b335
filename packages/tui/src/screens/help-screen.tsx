import { Box } from "ink";
import type { Key } from "ink";
import { useCallback, useMemo } from "react";
import { LinesView } from "../components/lines-view.tsx";
import { LineView } from "../components/line-view.tsx";
import { useKeys } from "../hooks/use-keys.ts";
import { useScroll } from "../hooks/use-scroll.ts";
import { GLOBAL_KEYS, KEYS } from "../keys-help.ts";
import type { KeyEntry, KeySet } from "../keys-help.ts";
import { row, span } from "../lines.ts";
import type { Line } from "../lines.ts";
import { say, TEXT } from "../tui-text.ts";
import type { ScreenId } from "../ui-context.ts";
import { useUi } from "../ui-context.ts";

/** Props of {@link HelpScreen}. */
export interface HelpScreenProps {
  readonly width: number;
  readonly height: number;
  /** the screen help was asked on: its keys come first */
  readonly screen: ScreenId;
}

const SECTIONS: readonly { readonly sets: readonly KeySet[]; readonly title: keyof typeof TEXT }[] =
  [
    { sets: ["candidates", "searching"], title: "candidates" },
    { sets: ["candidate"], title: "candidate" },
    { sets: ["scoring", "editing"], title: "scoring" },
    { sets: ["panel.grid", "panel.flags", "panel.agreement"], title: "panel" },
    { sets: ["results"], title: "results" },
    { sets: ["rules"], title: "rules" },
  ];

/** `?`: every key of every screen, the current screen's first. */
export function HelpScreen({ width, height, screen }: HelpScreenProps) {
  const { lang } = useUi();
  const lines = useMemo(() => {
    const entry = (item: KeyEntry): Line => [
      span("  "),
      ...row([
        { text: item.key, width: 12, bold: true, color: "cyan" },
        { text: item.does[lang], width: width - 15 },
      ]),
    ];
    const ordered = [...SECTIONS].sort(
      (a, b) => Number(b.title === screen) - Number(a.title === screen),
    );
    const out: Line[] = [];
    for (const section of ordered) {
      out.push([span(say(TEXT[section.title], lang), { bold: true })]);
      const seen = new Set<string>();
      for (const set of section.sets) {
        for (const item of KEYS[set]) {
          const id = `${item.key}|${item.does.en}`;
          if (!seen.has(id)) {
            seen.add(id);
            out.push(entry(item));
          }
        }
      }
      out.push([]);
    }
    out.push(
      [span(lang === "zh" ? "全局" : "everywhere", { bold: true })],
      ...GLOBAL_KEYS.map(entry),
    );
    return out;
  }, [lang, width, screen]);
  const bodyHeight = Math.max(1, height - 2);
  const scroll = useScroll(lines.length, bodyHeight);
  const keys = useCallback((input: string, key: Key) => scroll.keys(input, key), [scroll]);
  useKeys(keys, "help");
  return (
    <Box flexDirection="column" height={height}>
      <LineView line={[span(say(TEXT.helpTitle, lang), { bold: true, color: "cyan" })]} />
      <Box height={1} />
      <LinesView lines={lines} offset={scroll.offset} height={bodyHeight} />
    </Box>
  );
}
