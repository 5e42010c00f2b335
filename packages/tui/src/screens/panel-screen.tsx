import { formatMessage } from "@ceping/engine";
import type { Lang, Level } from "@ceping/engine";
import { Box } from "ink";
import type { Key } from "ink";
import { useCallback, useMemo, useState } from "react";
import { askConflict } from "../ask-conflict.ts";
import { askDismissConflict } from "../ask-dismiss-conflict.ts";
import { askVeto } from "../ask-veto.ts";
import type { CandidateRow } from "../candidate-rows.ts";
import { LinesView } from "../components/lines-view.tsx";
import { LineView } from "../components/line-view.tsx";
import { useKeys } from "../hooks/use-keys.ts";
import { useScroll } from "../hooks/use-scroll.ts";
import { judgedItems } from "../judged-items.ts";
import { paragraph, row, span } from "../lines.ts";
import type { Cell, Line, Span } from "../lines.ts";
import type { AgreementView, Flag, SessionView, SheetState } from "../panel-session.ts";
import { panelProgress } from "../sheet-progress.ts";
import { truncate } from "../text-width.ts";
import { POINTER } from "../theme.ts";
import {
  CONFLICT_SOURCE,
  CONFLICT_TEXT,
  FLAG_TEXT,
  levelName,
  say,
  STATUS_SHORT,
  TEXT,
} from "../tui-text.ts";
import { useUi } from "../ui-context.ts";
import type { Ui } from "../ui-context.ts";

/** Props of {@link PanelScreen}. */
export interface PanelScreenProps {
  readonly view: SessionView;
  readonly width: number;
  readonly height: number;
  /** the candidates of the list, filtered and sorted as there */
  readonly rows: readonly CandidateRow[];
  readonly selected: string;
  readonly onSelect: (candidate: string) => void;
  readonly level: Level;
}

type Part = "grid" | "flags" | "agreement";
const PARTS: readonly Part[] = ["grid", "flags", "agreement"];
const CELL = 6;

function cellOf(sheet: SheetState | undefined, judged: number, lang: Lang): Cell {
  if (!sheet) {
    return { text: "", width: CELL };
  }
  if (sheet.conflict) {
    // a proposed conflict holds too, until the chair dismisses it: it reads differently
    const proposed = sheet.conflict.source === "proposed";
    return {
      text: say(proposed ? TEXT.recusedAuto : TEXT.recused, lang),
      width: CELL,
      color: "yellow",
    };
  }
  if (sheet.submitted) {
    return { text: say(TEXT.submitted, lang), width: CELL, color: "green" };
  }
  return sheet.scored > 0
    ? { text: `${sheet.scored}/${judged}`, width: CELL, color: "cyan" }
    : { text: say(TEXT.none, lang), width: CELL, dim: true };
}

/** One reviewer's state with one candidate in words: progress, or the conflict and who put it on record. */
function cellText(sheet: SheetState | undefined, judged: number, lang: Lang): string {
  const conflict = sheet?.conflict;
  if (conflict) {
    const sep = lang === "zh" ? "，" : ", ";
    const kind = [
      say(CONFLICT_TEXT[conflict.kind] ?? { zh: conflict.kind, en: conflict.kind }, lang),
      conflict.note,
      conflict.match,
    ]
      .filter((part) => part !== undefined && part !== "")
      .join(sep);
    const source = conflict.source && CONFLICT_SOURCE[conflict.source];
    return say(TEXT.cellConflict, lang, {
      what: source ? say(TEXT.labelled, lang, { label: say(source, lang), value: kind }) : kind,
    });
  }
  if (sheet?.submitted) {
    return say(TEXT.cellSubmitted, lang);
  }
  return sheet && sheet.scored > 0
    ? say(TEXT.cellProgress, lang, { scored: sheet.scored, judged })
    : say(TEXT.cellNone, lang);
}

function whereOf(flag: Flag, names: ReadonlyMap<string, string>, lang: Lang): string {
  const parts = [
    flag.candidate !== undefined
      ? `${flag.candidate} ${names.get(flag.candidate) ?? ""}`.trim()
      : "",
    flag.reviewer ?? "",
    flag.indicator ?? "",
  ].filter((part) => part !== "");
  return parts.join(lang === "zh" ? "，" : ", ");
}

function dispositionText(flag: Flag, lang: Lang): string {
  if (!flag.disposition) {
    return say(TEXT.open, lang);
  }
  return say(TEXT.labelled, lang, {
    label: say(flag.disposition.disposition === "kept" ? TEXT.kept : TEXT.revised, lang),
    value: flag.disposition.reason,
  });
}

function statLines(
  agreement: AgreementView | undefined,
  level: Level,
  lang: Lang,
  width: number,
): Line[] {
  if (!agreement) {
    return [[span(say(TEXT.noAgreement, lang), { dim: true })]];
  }
  const lines: Line[] = [
    [
      span(
        say(TEXT.agreementFor, lang, {
          level: levelName(level, lang),
          candidates: agreement.candidates,
          reviewers: agreement.reviewers,
          complete: agreement.complete,
        }),
        { bold: true },
      ),
    ],
    [],
  ];
  const stats = [
    [TEXT.statAgreementMean, agreement.agreementMean],
    [TEXT.statConsistencyMean, agreement.consistencyMean],
    [TEXT.statAgreement, agreement.agreement],
    [TEXT.statConsistency, agreement.consistency],
    [TEXT.statGap, agreement.gap],
    [TEXT.statOneWay, agreement.oneWay],
    [TEXT.statAlpha, agreement.alpha],
    [TEXT.statKendall, agreement.kendallW],
  ] as const;
  const labelWidth = Math.min(36, Math.floor(width / 2));
  for (const [label, stat] of stats) {
    const value = stat.value === null ? formatMessage(stat.reason, lang) : stat.value.toFixed(3);
    const lead = row([{ text: say(label, lang), width: labelWidth }]);
    const rest = paragraph(
      value,
      width - labelWidth - 1,
      0,
      stat.value === null ? { dim: true } : { bold: true },
    );
    rest.forEach((line, index) =>
      lines.push(
        index === 0 ? [...lead, span(" "), ...line] : [span(" ".repeat(labelWidth + 1)), ...line],
      ),
    );
  }
  return lines;
}

function askDisposition(ui: Ui, flag: Flag): void {
  const { lang, session } = ui;
  const dispose = session.disposeFlag;
  if (!dispose) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  ui.ask({
    kind: "choice",
    label: say(TEXT.disposeAsk, lang),
    choices: [
      { key: "k", label: say(TEXT.kept, lang) },
      { key: "r", label: say(TEXT.revised, lang) },
    ],
    onChoose: (choice) =>
      ui.ask({
        kind: "text",
        label: say(TEXT.disposeReason, lang),
        onSubmit: (reason) =>
          ui.run(
            () =>
              dispose({ flag: flag.key, disposition: choice === "k" ? "kept" : "revised", reason }),
            () =>
              ui.notify(
                say(TEXT.disposed, lang, { flag: say(FLAG_TEXT[flag.kind] ?? TEXT.none, lang) }),
                "ok",
              ),
          ),
      }),
  });
}

/** Asks the chair to confirm, then locks the assessment. */
export function askLock(ui: Ui): void {
  const { lang, session } = ui;
  const lock = session.lock;
  if (!lock) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  ui.ask({
    kind: "choice",
    label: say(TEXT.lockAsk, lang),
    choices: [
      { key: "y", label: lang === "zh" ? "定稿" : "lock" },
      { key: "n", label: lang === "zh" ? "不定稿" : "not now" },
    ],
    onChoose: (choice) => {
      if (choice === "y") {
        ui.run(
          () => lock(),
          () => ui.notify(say(TEXT.lockDone, lang), "ok"),
        );
      }
    },
  });
}

/**
 * 评审组: the chair's view of the panel: reviewers × candidates with progress and conflicts
 * (recorded and dismissed on the selected cell), divergence flags to dispose of, agreement
 * statistics, vetoes and the lock.
 */
export function PanelScreen({
  view,
  width,
  height,
  rows,
  selected,
  onSelect,
  level,
}: PanelScreenProps) {
  const ui = useUi();
  const { lang, session } = ui;
  const [part, setPart] = useState<Part>("grid");
  const [top, setTop] = useState(0);
  const [firstReviewer, setFirstReviewer] = useState(0);
  const [columnAt, setColumn] = useState(0);
  const [flagAt, setFlagAt] = useState(0);
  const standing = view.standings.find((entry) => entry.level === level);
  const flags = standing?.flags ?? [];
  // only the flagged candidates' names: a map of thousands would cost the screen's first frame
  const names = useMemo(() => {
    const flagged = new Set(flags.map((flag) => flag.candidate));
    return new Map(
      flagged.size === 0
        ? []
        : view.results
            .filter((result) => flagged.has(result.candidate.id))
            .map((result) => [result.candidate.id, result.candidate.name]),
    );
  }, [view.results, flags]);
  // counted once per view, mostly ahead while the list was on show: thousands of candidates
  const progress = useMemo(() => panelProgress(session, view, rows), [session, rows, view]);
  const open = flags.filter((flag) => !flag.disposition).length;

  const listHeight = Math.max(1, height - 3);
  const found = rows.findIndex((entry) => entry.result.candidate.id === selected);
  const cursor = found < 0 ? 0 : found;
  const gridTop = Math.min(Math.max(top, cursor - listHeight + 1, 0), cursor);
  const flagCursor = Math.min(flagAt, Math.max(0, flags.length - 1));
  const flagTop = Math.max(0, flagCursor - listHeight + 1);
  const agreementLines = useMemo(
    () => statLines(standing?.agreement, level, lang, width),
    [standing, level, lang, width],
  );
  const scroll = useScroll(agreementLines.length, listHeight, level);

  const reviewerRoom = Math.max(1, Math.floor((width - 2 - 8 - 12 - 8 - 3) / (CELL + 1)));
  // the selected cell is the selected candidate's row and this reviewer's column, kept in view
  const column = Math.min(columnAt, Math.max(0, view.reviewers.length - 1));
  const first = Math.min(Math.max(firstReviewer, column - reviewerRoom + 1, 0), column);
  const shownReviewers = view.reviewers.slice(first, first + reviewerRoom);
  const reviewer = view.reviewers[column];

  const keys = useCallback(
    (input: string, key: Key): boolean => {
      if (key.tab) {
        setPart(PARTS[(PARTS.indexOf(part) + 1) % PARTS.length] ?? "grid");
        return true;
      }
      if (input === "L") {
        askLock(ui);
        return true;
      }
      if (part === "agreement") {
        return scroll.keys(input, key);
      }
      if (part === "flags") {
        const flag = flags[flagCursor];
        if (key.upArrow || input === "k") {
          setFlagAt(Math.max(0, flagCursor - 1));
        } else if (key.downArrow || input === "j") {
          setFlagAt(Math.min(flags.length - 1, flagCursor + 1));
        } else if (input === "d" && flag) {
          askDisposition(ui, flag);
        } else if (key.return && flag?.candidate !== undefined) {
          ui.go("candidate", flag.candidate);
        } else {
          return false;
        }
        return true;
      }
      const move = (to: number) => {
        const index = Math.max(0, Math.min(rows.length - 1, to));
        const target = rows[index];
        if (target) {
          onSelect(target.result.candidate.id);
          setTop(Math.min(Math.max(gridTop, index - listHeight + 1, 0), index));
        }
      };
      const entry = rows[cursor];
      if (key.upArrow || input === "k") {
        move(cursor - 1);
      } else if (key.downArrow || input === "j") {
        move(cursor + 1);
      } else if (key.pageUp) {
        move(cursor - listHeight);
      } else if (key.pageDown) {
        move(cursor + listHeight);
      } else if (key.home || input === "g") {
        move(0);
      } else if (key.end || input === "G") {
        move(rows.length - 1);
      } else if (key.leftArrow || input === "h" || key.rightArrow || input === "l") {
        const step = key.leftArrow || input === "h" ? -1 : 1;
        const next = Math.max(0, Math.min(view.reviewers.length - 1, column + step));
        setColumn(next);
        setFirstReviewer(Math.min(Math.max(first, next - reviewerRoom + 1, 0), next));
      } else if (key.return && entry) {
        ui.go("candidate", entry.result.candidate.id);
      } else if (input === "v" && entry) {
        askVeto(ui, entry.result);
      } else if (input === "c" && entry && reviewer !== undefined) {
        askConflict(ui, { reviewer, candidate: entry.result.candidate });
      } else if (input === "d" && entry && reviewer !== undefined) {
        const sheet = session
          .sheets(entry.result.candidate.id)
          .find((candidate) => candidate.reviewer === reviewer);
        askDismissConflict(ui, {
          reviewer,
          candidate: entry.result.candidate,
          conflict: sheet?.conflict,
        });
      } else {
        return false;
      }
      return true;
    },
    [
      part,
      ui,
      scroll,
      flags,
      flagCursor,
      rows,
      cursor,
      onSelect,
      gridTop,
      listHeight,
      view.reviewers.length,
      reviewerRoom,
      column,
      first,
      reviewer,
      session,
    ],
  );
  useKeys(
    keys,
    part === "grid" ? "panel.grid" : part === "flags" ? "panel.flags" : "panel.agreement",
  );

  const head: Line = [
    span(
      say(TEXT.panelHead, lang, {
        reviewers: view.reviewers.length,
        chair: view.chair ?? say(TEXT.none, lang),
        submitted: progress.submitted,
        expected: progress.expected,
        open,
      }),
    ),
    span(view.locked ? `  ${say(TEXT.lockedMark, lang)}` : "", { bold: true, color: "green" }),
  ];
  const tabs: Span[] = PARTS.flatMap((entry) => {
    const label = say(
      entry === "grid" ? TEXT.gridView : entry === "flags" ? TEXT.flagsView : TEXT.agreementView,
      lang,
    );
    return [
      entry === part ? span(`[${label}]`, { bold: true, color: "cyan" }) : span(` ${label} `),
      span(" "),
    ];
  });
  tabs.push(span(`${levelName(level, lang)}`, { dim: true }));

  // the grid's selected cell in words, where the other parts leave a blank line
  let cellLine: Line = [];
  const selectedEntry = rows[cursor];
  if (part === "grid" && selectedEntry && reviewer !== undefined) {
    const { id, name } = selectedEntry.result.candidate;
    const sheet = session.sheets(id).find((entry) => entry.reviewer === reviewer);
    cellLine = [
      span(
        truncate(
          say(TEXT.cellLine, lang, {
            reviewer,
            id,
            name,
            state: cellText(sheet, judgedItems(selectedEntry.result).length, lang),
          }),
          width,
        ),
        sheet?.conflict ? { color: "yellow" } : { dim: true },
      ),
    ];
  }
  let lines: Line[];
  if (part === "grid") {
    const nameWidth = 12;
    const header: Line = [
      span("  "),
      ...row([
        { text: say(TEXT.id, lang), width: 8, bold: true },
        { text: say(TEXT.name, lang), width: nameWidth, bold: true },
        ...shownReviewers.map((name) => ({
          text: name,
          width: CELL,
          bold: true,
          ...(name === reviewer && { color: "cyan", inverse: true }),
        })),
        { text: say(TEXT.marks, lang), width: 8, bold: true },
      ]),
    ];
    lines = [header];
    for (const [index, entry] of rows.slice(gridTop, gridTop + listHeight - 1).entries()) {
      const id = entry.result.candidate.id;
      const isSelected = gridTop + index === cursor;
      const sheets = new Map(session.sheets(id).map((sheet) => [sheet.reviewer, sheet]));
      const judged = judgedItems(entry.result).length;
      const style = isSelected ? { inverse: true } : {};
      const marks = [
        entry.openFlags > 0 ? say(TEXT.flagged, lang, { count: entry.openFlags }) : "",
        entry.score.vetoes.length > 0 ? say(STATUS_SHORT.vetoed, lang) : "",
      ]
        .filter(Boolean)
        .join(" ");
      lines.push([
        span(isSelected ? `${POINTER} ` : "  ", { bold: true }),
        ...row([
          { text: id, width: 8, ...style },
          { text: entry.result.candidate.name, width: nameWidth, ...style },
          ...shownReviewers.map((name) => ({
            ...cellOf(sheets.get(name), judged, lang),
            // the selected cell stands out of its inverse row
            ...(isSelected && name !== reviewer ? style : {}),
            ...(isSelected && name === reviewer && { bold: true }),
          })),
          { text: marks, width: 8, color: "yellow", ...style },
        ]),
      ]);
    }
  } else if (part === "flags") {
    const whereWidth = 24;
    const dispositionWidth = Math.max(10, width - 2 - 8 - whereWidth - 12 - 4);
    lines = [
      [
        span("  "),
        ...row([
          { text: say(TEXT.flagKind, lang), width: 8, bold: true },
          { text: say(TEXT.flagWhere, lang), width: whereWidth, bold: true },
          { text: say(TEXT.flagValue, lang), width: 12, bold: true },
          { text: say(TEXT.disposition, lang), width: dispositionWidth, bold: true },
        ]),
      ],
    ];
    if (flags.length === 0) {
      lines.push([span(`  ${say(TEXT.noFlags, lang)}`, { dim: true })]);
    }
    for (const [index, flag] of flags.slice(flagTop, flagTop + listHeight - 1).entries()) {
      const isSelected = flagTop + index === flagCursor;
      const style = isSelected ? { inverse: true } : {};
      lines.push([
        span(isSelected ? `${POINTER} ` : "  ", { bold: true }),
        ...row([
          { text: say(FLAG_TEXT[flag.kind] ?? TEXT.none, lang), width: 8, ...style },
          { text: whereOf(flag, names, lang), width: whereWidth, ...style },
          { text: `${flag.value.toFixed(2)}/${flag.limit.toFixed(2)}`, width: 12, ...style },
          {
            text: dispositionText(flag, lang),
            width: dispositionWidth,
            ...(flag.disposition ? { color: "green" } : { color: "yellow" }),
            ...style,
          },
        ]),
      ]);
    }
  } else {
    lines = agreementLines;
  }
  return (
    <Box flexDirection="column" height={height}>
      <LineView line={head} />
      <LineView line={tabs} />
      <Box height={1}>
        <LineView line={cellLine} />
      </Box>
      <LinesView
        lines={lines}
        offset={part === "agreement" ? scroll.offset : 0}
        height={listHeight}
      />
    </Box>
  );
}
