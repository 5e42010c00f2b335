import type { Level, UnitType } from "@ceping/engine";
import { Box } from "ink";
import type { Key } from "ink";
import { useCallback, useMemo, useState } from "react";
import { askQuota } from "../ask-quota.ts";
import { nextOf, unitTypesOf } from "../candidate-rows.ts";
import { LinesView } from "../components/lines-view.tsx";
import { useKeys } from "../hooks/use-keys.ts";
import { useScroll } from "../hooks/use-scroll.ts";
import type { ExportKind, SessionView } from "../panel-session.ts";
import { resultLines } from "../result-lines.ts";
import { say, TEXT } from "../tui-text.ts";
import { useUi } from "../ui-context.ts";
import type { Ui } from "../ui-context.ts";

/** Props of {@link ResultsScreen}. */
export interface ResultsScreenProps {
  readonly view: SessionView;
  readonly width: number;
  readonly height: number;
  readonly level: Level;
  readonly onLevel: (level: Level) => void;
}

function exportResults(ui: Ui, kind: ExportKind): void {
  const { lang, session } = ui;
  const write = session.exportResults;
  if (!write) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  ui.run(
    () => write(kind),
    ({ file }) => ui.notify(say(TEXT.exported, lang, { file }), "ok"),
  );
}

function askTie(ui: Ui, level: Level, group: readonly string[]): void {
  const { lang, session } = ui;
  const decide = session.decideTie;
  if (!decide) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  ui.ask({
    kind: "text",
    label: say(TEXT.tieAsk, lang),
    initial: group.join(" "),
    onSubmit: (typed) => {
      const order = typed.split(/[\s,，、]+/).filter((id) => id !== "");
      ui.ask({
        kind: "text",
        label: say(TEXT.reason, lang),
        onSubmit: (reason) =>
          ui.run(
            () => decide({ level, order, reason }),
            () => ui.notify(say(TEXT.tieDone, lang), "ok"),
          ),
      });
    },
  });
}

/**
 * 结果: the ranking of a level per unit type against the threshold and the quotas, the near
 * misses, the ties waiting for the chair, the chair's quotas, and the exports.
 */
export function ResultsScreen({ view, width, height, level, onLevel }: ResultsScreenProps) {
  const ui = useUi();
  const { lang, session } = ui;
  const [unitType, setUnitType] = useState<UnitType | null>(null);
  const types = useMemo(() => unitTypesOf(view.results), [view.results]);
  const standing = view.standings.find((entry) => entry.level === level);
  const lines = useMemo(
    () => resultLines(view, standing, level, unitType, lang, width),
    [view, standing, level, unitType, lang, width],
  );
  const bodyHeight = Math.max(1, height - lines.head.length - 1);
  const scroll = useScroll(lines.body.length, bodyHeight, `${level}|${unitType}`);
  const keys = useCallback(
    (input: string, key: Key): boolean => {
      if (scroll.keys(input, key)) {
        return true;
      }
      if (input === "l") {
        const levels = session.library.levels.map((rules) => rules.level);
        onLevel(levels[(levels.indexOf(level) + 1) % levels.length] ?? level);
      } else if (input === "t") {
        setUnitType(nextOf(types, unitType));
      } else if (input === "x") {
        exportResults(ui, "workbook");
      } else if (input === "p") {
        exportResults(ui, "notice");
      } else if (input === "d") {
        const group = standing?.ties[0];
        if (group) {
          askTie(ui, level, group);
        }
      } else if (input === "m") {
        askQuota(ui, { view, level, unitType });
      } else {
        return false;
      }
      return true;
    },
    [scroll, session, onLevel, level, types, unitType, ui, standing, view],
  );
  useKeys(keys, "results");
  return (
    <Box flexDirection="column" height={height}>
      <LinesView lines={lines.head} height={lines.head.length} />
      <Box height={1} />
      <LinesView lines={lines.body} offset={scroll.offset} height={bodyHeight} />
    </Box>
  );
}
