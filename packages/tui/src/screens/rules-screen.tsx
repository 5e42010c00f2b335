import { Box } from "ink";
import type { Key } from "ink";
import { useCallback, useMemo, useState } from "react";
import { LinesView } from "../components/lines-view.tsx";
import { LineView } from "../components/line-view.tsx";
import { useKeys } from "../hooks/use-keys.ts";
import { useScroll } from "../hooks/use-scroll.ts";
import { span } from "../lines.ts";
import { ruleLines } from "../rule-lines.ts";
import { levelName } from "../tui-text.ts";
import { useUi } from "../ui-context.ts";

/** Props of {@link RulesScreen}. */
export interface RulesScreenProps {
  readonly width: number;
  readonly height: number;
  /** the id of the table to show first */
  readonly table?: string;
}

/** 测评表: the indicator tree of each table in use, with points and methods. */
export function RulesScreen({ width, height, table }: RulesScreenProps) {
  const ui = useUi();
  const { lang, session } = ui;
  const tables = useMemo(
    () => session.library.levels.flatMap((rules) => rules.tables),
    [session.library],
  );
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      tables.findIndex((compiled) => compiled.ruleSet.id === table),
    ),
  );
  const compiled = tables[Math.min(index, tables.length - 1)];
  const lines = useMemo(
    () => (compiled ? ruleLines(compiled, lang, width) : { head: [], body: [] }),
    [compiled, lang, width],
  );
  const bodyHeight = Math.max(1, height - lines.head.length - 2);
  const scroll = useScroll(lines.body.length, bodyHeight, compiled);
  const keys = useCallback(
    (input: string, key: Key): boolean => {
      if (scroll.keys(input, key)) {
        return true;
      }
      if (key.leftArrow || input === "h") {
        setIndex((at) => Math.max(0, at - 1));
      } else if (key.rightArrow || input === "l") {
        setIndex((at) => Math.min(tables.length - 1, at + 1));
      } else {
        return false;
      }
      return true;
    },
    [scroll, tables.length],
  );
  useKeys(keys, "rules");
  const where = compiled
    ? `◂ ${levelName(compiled.ruleSet.level, lang)} ${index + 1}/${tables.length} ▸`
    : "";
  return (
    <Box flexDirection="column" height={height}>
      <LineView line={[span(where, { color: "cyan" })]} />
      <LinesView lines={lines.head} height={lines.head.length} />
      <Box height={1} />
      <LinesView lines={lines.body} offset={scroll.offset} height={bodyHeight} />
    </Box>
  );
}
