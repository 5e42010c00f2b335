import { formatCents } from "@ceping/engine";
import type { Lang } from "@ceping/engine";
import { Box, useCursor } from "ink";
import type { Key } from "ink";
import { memo, useCallback, useEffect, useMemo } from "react";
import {
  listTasks,
  nextOf,
  positionOf,
  SORT_KEYS,
  STATUS_ORDER,
  unitTypesOf,
} from "../candidate-rows.ts";
import type { CandidateRow, ListFilter } from "../candidate-rows.ts";
import { LineView } from "../components/line-view.tsx";
import { useKeys } from "../hooks/use-keys.ts";
import { runAhead } from "../idle-tasks.ts";
import { judgedItems } from "../judged-items.ts";
import { row, span } from "../lines.ts";
import type { Cell, Line } from "../lines.ts";
import type { PanelSession, SessionView } from "../panel-session.ts";
import { sheetCount, sheetCountTasks } from "../sheet-progress.ts";
import { truncate, widthOf } from "../text-width.ts";
import { POINTER, STATUS_COLOR } from "../theme.ts";
import { levelName, say, STATUS_SHORT, TEXT, unitTypeName, unitTypeShort } from "../tui-text.ts";
import { useUi } from "../ui-context.ts";

/** Where the candidates list stands: its filter, the selected candidate and the first row shown. */
export interface ListState {
  readonly filter: ListFilter;
  readonly selected?: string;
  readonly top: number;
  readonly searching: boolean;
}

/** Props of {@link CandidatesScreen}. */
export interface CandidatesScreenProps {
  readonly view: SessionView;
  readonly width: number;
  readonly height: number;
  readonly list: ListState;
  /** the rows the list's filter keeps, in its order */
  readonly rows: readonly CandidateRow[];
  /** how many candidates the level has before the filter */
  readonly total: number;
  readonly onList: (update: (list: ListState) => ListState) => void;
}

interface Layout {
  readonly rank: number;
  readonly id: number;
  readonly name: number;
  readonly type: number;
  readonly total: number;
  readonly status: number;
  readonly progress: number;
  readonly marks: number;
}

function layoutFor(width: number, lang: Lang): Layout {
  const zh = lang === "zh";
  const fixed = {
    rank: 4,
    id: 8,
    type: zh ? 8 : 10,
    total: 7,
    status: zh ? 8 : 10,
    progress: zh ? 7 : 8,
  };
  const rest = width - 2 - Object.values(fixed).reduce((a, b) => a + b, 0) - 7;
  if (rest >= 18) {
    const marks = Math.min(14, rest - 12);
    return { ...fixed, name: rest - marks, marks };
  }
  // a narrow terminal: no marks column, and in English shorter type and status columns
  const squeeze = !zh && rest < 8 ? 2 : 0;
  return {
    ...fixed,
    type: fixed.type - squeeze,
    status: fixed.status - squeeze,
    name: Math.max(4, rest + 1 + 2 * squeeze),
    marks: 0,
  };
}

/** What the progress column says for the user: their own sheet, or the panel's. */
export function progressText(
  session: PanelSession,
  view: SessionView,
  row: CandidateRow,
  lang: Lang,
): string {
  const id = row.result.candidate.id;
  if (view.isReviewer) {
    const own = session.sheets(id).find((sheet) => sheet.reviewer === view.user);
    if (own?.conflict) {
      return say(TEXT.recused, lang);
    }
    if (own?.submitted) {
      return say(TEXT.submitted, lang);
    }
    const judged = judgedItems(row.result).length;
    return judged === 0 ? say(TEXT.none, lang) : `${own?.scored ?? 0}/${judged}`;
  }
  // the panel's sheets without a conflict, as the panel screen counts them
  const { submitted, expected } = sheetCount(session, view, id);
  return expected === 0 ? say(TEXT.none, lang) : `${submitted}/${expected}`;
}

function marksText(row: CandidateRow, lang: Lang): string {
  const marks: string[] = [];
  if (row.score.nearMiss) {
    marks.push(say(TEXT.nearMiss, lang));
  }
  if (row.tied) {
    marks.push(say(TEXT.tied, lang));
  }
  if (row.openFlags > 0) {
    marks.push(say(TEXT.flagged, lang, { count: row.openFlags }));
  }
  return marks.join(" ");
}

interface RowProps {
  readonly row: CandidateRow;
  readonly selected: boolean;
  readonly layout: Layout;
  readonly progress: string;
  readonly lang: Lang;
}

const CandidateLine = memo(function CandidateLine({
  row: entry,
  selected,
  layout,
  progress,
  lang,
}: RowProps) {
  const { candidate } = entry.result;
  const style = selected ? { inverse: true } : {};
  const cells: Cell[] = [
    {
      text: entry.rank === undefined ? "" : String(entry.rank),
      width: layout.rank,
      align: "right",
      ...style,
    },
    { text: candidate.id, width: layout.id, ...style },
    { text: candidate.name, width: layout.name, ...style },
    { text: unitTypeShort(candidate.unitType, lang), width: layout.type, ...style },
    { text: formatCents(entry.score.total), width: layout.total, align: "right", ...style },
    {
      text: say(STATUS_SHORT[entry.score.status], lang),
      width: layout.status,
      color: STATUS_COLOR[entry.score.status],
      ...style,
    },
    { text: progress, width: layout.progress, ...style },
    { text: marksText(entry, lang), width: layout.marks, color: "yellow", ...style },
  ];
  return <LineView line={[span(selected ? `${POINTER} ` : "  ", { bold: true }), ...row(cells)]} />;
});

function headerLine(layout: Layout, lang: Lang): Line {
  const t = (text: { zh: string; en: string }) => say(text, lang);
  return [
    span("  "),
    ...row(
      (
        [
          { text: t(TEXT.rank), width: layout.rank, align: "right" },
          { text: t(TEXT.id), width: layout.id },
          { text: t(TEXT.name), width: layout.name },
          { text: t(TEXT.unitType), width: layout.type },
          { text: t(TEXT.total), width: layout.total, align: "right" },
          { text: t(TEXT.status), width: layout.status },
          { text: t(TEXT.progress), width: layout.progress },
          { text: t(TEXT.marks), width: layout.marks },
        ] satisfies Cell[]
      ).map((cell): Cell => ({ ...cell, bold: true })),
    ),
  ];
}

const SORT_TEXT = {
  total: TEXT.sortRank,
  id: TEXT.sortId,
  name: TEXT.sortName,
  status: TEXT.sortStatus,
};

/** 候选单位: every candidate at a level, filtered, sorted and searched; only the visible rows are drawn. */
export function CandidatesScreen({
  view,
  width,
  height,
  list,
  rows,
  total,
  onList,
}: CandidatesScreenProps) {
  const ui = useUi();
  const { lang, session } = ui;
  const { filter } = list;
  const types = useMemo(() => unitTypesOf(view.results), [view.results]);
  const layout = useMemo(() => layoutFor(width, lang), [width, lang]);
  const rowsHeight = Math.max(1, height - 2);
  const found = positionOf(rows, list.selected);
  const cursor = found < 0 ? 0 : found;
  const top = Math.min(Math.max(list.top, cursor - rowsHeight + 1, 0), cursor);

  // while no key is pressed, work out what the next keys and screens will need of this view:
  // the other orders and levels of the list, and for the chair the panel's sheet counts
  useEffect(() => {
    const levels = session.library.levels.map((rules) => rules.level);
    return runAhead([
      ...listTasks(view, levels, filter.level, filter.sort),
      ...(view.isChair ? sheetCountTasks(session, view, rows) : []),
    ]);
  }, [session, view, filter.level, filter.sort, rows]);

  const { setCursorPosition } = useCursor();
  const filterLine = useMemo((): Line => {
    const t = (text: { zh: string; en: string }) => say(text, lang);
    const parts = [
      `${t(TEXT.level)} ${levelName(filter.level, lang)}`,
      `${t(TEXT.unitType)} ${filter.unitType ? unitTypeName(filter.unitType, lang) : t(TEXT.all)}`,
      `${t(TEXT.status)} ${filter.status ? say(STATUS_SHORT[filter.status], lang) : t(TEXT.all)}`,
      `${t(TEXT.sort)} ${t(SORT_TEXT[filter.sort])}`,
      `${t(TEXT.search)} ${list.searching || filter.query ? filter.query : t(TEXT.none)}`,
    ];
    const right = say(TEXT.count, lang, { shown: rows.length, total });
    const left = truncate(parts.join(" | "), width - widthOf(right) - 1);
    const gap = Math.max(1, width - widthOf(left) - widthOf(right));
    return [span(left), span(" ".repeat(gap)), span(right, { dim: true })];
  }, [filter, list.searching, rows.length, total, width, lang]);
  setCursorPosition(
    list.searching ? { x: widthOf(String(filterLine[0]?.text ?? "")), y: 1 } : undefined,
  );

  const move = useCallback(
    (to: number) => {
      const index = Math.max(0, Math.min(rows.length - 1, to));
      const target = rows[index];
      if (!target) {
        return;
      }
      onList((state) => ({
        ...state,
        selected: target.result.candidate.id,
        top: Math.min(Math.max(top, index - rowsHeight + 1, 0), index),
      }));
    },
    [rows, onList, top, rowsHeight],
  );
  const setFilter = useCallback(
    (change: Partial<ListFilter>) =>
      onList((state) => ({ ...state, filter: { ...state.filter, ...change }, top: 0 })),
    [onList],
  );

  const keys = useCallback(
    (input: string, key: Key): boolean => {
      if (list.searching) {
        if (key.return) {
          onList((state) => ({ ...state, searching: false }));
        } else if (key.escape) {
          onList((state) => ({
            ...state,
            searching: false,
            filter: { ...state.filter, query: "" },
          }));
        } else if (key.backspace || key.delete) {
          setFilter({ query: [...filter.query].slice(0, -1).join("") });
        } else if (input && !key.ctrl && !key.meta && !key.tab) {
          setFilter({ query: filter.query + input.replace(/[\r\n]/g, "") });
        }
        return true;
      }
      const selected = rows[cursor];
      if (key.upArrow || input === "k") {
        move(cursor - 1);
      } else if (key.downArrow || input === "j") {
        move(cursor + 1);
      } else if (key.pageUp) {
        move(cursor - rowsHeight);
      } else if (key.pageDown) {
        move(cursor + rowsHeight);
      } else if (key.home || input === "g") {
        move(0);
      } else if (key.end || input === "G") {
        move(rows.length - 1);
      } else if (key.return) {
        if (selected) {
          ui.go("candidate", selected.result.candidate.id);
        }
      } else if (input === "s") {
        if (selected) {
          ui.go("scoring", selected.result.candidate.id);
        }
      } else if (input === "/") {
        onList((state) => ({ ...state, searching: true }));
      } else if (input === "t") {
        setFilter({ unitType: nextOf(types, filter.unitType) });
      } else if (input === "f") {
        setFilter({ status: nextOf(STATUS_ORDER, filter.status) });
      } else if (input === "l") {
        const levels = session.library.levels.map((rules) => rules.level);
        setFilter({
          level: levels[(levels.indexOf(filter.level) + 1) % levels.length] ?? filter.level,
        });
      } else if (input === "o") {
        setFilter({
          sort: SORT_KEYS[(SORT_KEYS.indexOf(filter.sort) + 1) % SORT_KEYS.length] ?? "total",
        });
      } else if (key.escape && filter.query !== "") {
        setFilter({ query: "" });
      } else {
        return false;
      }
      return true;
    },
    [list.searching, rows, cursor, move, rowsHeight, ui, onList, setFilter, filter, types, session],
  );
  useKeys(keys, list.searching ? "searching" : "candidates");

  // progress changes only with the view: work it out once per row and view, not per key
  const progress = useMemo(() => new Map<string, string>(), [view, lang]);
  const progressOf = (entry: CandidateRow) => {
    const id = entry.result.candidate.id;
    let text = progress.get(id);
    if (text === undefined) {
      text = progressText(session, view, entry, lang);
      progress.set(id, text);
    }
    return text;
  };
  const header = useMemo(() => headerLine(layout, lang), [layout, lang]);
  const visible = rows.slice(top, top + rowsHeight);
  return (
    <Box flexDirection="column" height={height}>
      <LineView line={filterLine} />
      <LineView line={header} />
      {visible.length === 0 ? (
        <LineView line={[span(`  ${say(TEXT.noCandidates, lang)}`, { dim: true })]} />
      ) : (
        visible.map((entry, index) => (
          <CandidateLine
            key={entry.result.candidate.id}
            row={entry}
            selected={top + index === cursor}
            layout={layout}
            progress={progressOf(entry)}
            lang={lang}
          />
        ))
      )}
    </Box>
  );
}
