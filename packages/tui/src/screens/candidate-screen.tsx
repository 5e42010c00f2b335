import type { Level } from "@ceping/engine";
import { Box } from "ink";
import type { Key } from "ink";
import { useCallback, useMemo, useState } from "react";
import { askVeto } from "../ask-veto.ts";
import { askWithdrawVeto } from "../ask-withdraw-veto.ts";
import { candidateLines } from "../candidate-lines.ts";
import { LinesView } from "../components/lines-view.tsx";
import { useKeys } from "../hooks/use-keys.ts";
import { useScroll } from "../hooks/use-scroll.ts";
import type { SessionView } from "../panel-session.ts";
import { useUi } from "../ui-context.ts";

/** Props of {@link CandidateScreen}. */
export interface CandidateScreenProps {
  readonly view: SessionView;
  readonly width: number;
  readonly height: number;
  /** the candidate's id */
  readonly candidate: string;
  /** the level to show first */
  readonly level: Level;
}

/** A candidate: every level's result, every number explained, vetoes, missing data, the ladder. */
export function CandidateScreen({ view, width, height, candidate, level }: CandidateScreenProps) {
  const ui = useUi();
  const { lang, session } = ui;
  // a new view means something may have moved the candidate's results: explain them again
  const explained = useMemo(
    () => (view ? session.explain(candidate) : undefined),
    [session, candidate, view],
  );
  const [chosen, setChosen] = useState<Level>(level);
  const levels = explained?.levels ?? [];
  const score = levels.find((entry) => entry.level === chosen) ?? levels[0];
  const lines = useMemo(
    () =>
      explained && score ? candidateLines(explained, score, lang, width) : { head: [], body: [] },
    [explained, score, lang, width],
  );
  const bodyHeight = Math.max(1, height - lines.head.length - 1);
  const scroll = useScroll(lines.body.length, bodyHeight, candidate);

  const keys = useCallback(
    (input: string, key: Key): boolean => {
      if (scroll.keys(input, key)) {
        return true;
      }
      if (key.leftArrow || key.rightArrow || input === "h" || input === "l") {
        const index = levels.findIndex((entry) => entry.level === score?.level);
        const next = levels[index + (key.leftArrow || input === "h" ? -1 : 1)];
        if (next) {
          setChosen(next.level);
        }
      } else if (input === "s") {
        ui.go("scoring", candidate);
      } else if (input === "v" && explained) {
        askVeto(ui, explained);
      } else if (input === "w" && explained) {
        askWithdrawVeto(ui, explained);
      } else {
        return false;
      }
      return true;
    },
    [scroll, levels, score, ui, candidate, explained],
  );
  useKeys(keys, "candidate");

  return (
    <Box flexDirection="column" height={height}>
      <LinesView lines={lines.head} height={lines.head.length} />
      <Box height={1} />
      <LinesView lines={lines.body} offset={scroll.offset} height={bodyHeight} />
    </Box>
  );
}
