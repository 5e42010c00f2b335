import { formatCents } from "@ceping/engine";
import type { Lang } from "@ceping/engine";
import { Box, useCursor } from "ink";
import type { Key } from "ink";
import { useCallback, useMemo, useState } from "react";
import { askConflict } from "../ask-conflict.ts";
import { LineView } from "../components/line-view.tsx";
import { useKeys } from "../hooks/use-keys.ts";
import { judgedItems, scoreProblem } from "../judged-items.ts";
import type { JudgedItem } from "../judged-items.ts";
import { paragraph, row, span } from "../lines.ts";
import type { Line } from "../lines.ts";
import type { SessionView, SheetScores } from "../panel-session.ts";
import { truncate, widthOf } from "../text-width.ts";
import { POINTER } from "../theme.ts";
import { CONFLICT_TEXT, say, TEXT } from "../tui-text.ts";
import { useUi } from "../ui-context.ts";

/** Props of {@link ScoringScreen}. */
export interface ScoringScreenProps {
  readonly view: SessionView;
  readonly width: number;
  readonly height: number;
  /** the candidate's id */
  readonly candidate: string;
}

const RUBRIC_LINES = 5;

function show(cents: number): string {
  return String(cents / 100);
}

/** What is wrong with a score as typed so far, in words, or null when nothing is. */
export function draftProblem(item: JudgedItem, draft: string, lang: Lang): string | null {
  if (draft === "") {
    return null;
  }
  if (!/^\d+(\.\d{0,2})?$/.test(draft)) {
    return say(TEXT.notNumber, lang);
  }
  const problem = scoreProblem(item, Number(draft));
  return problem === "range"
    ? say(TEXT.outOfRange, lang, { max: show(item.max) })
    : problem === "step"
      ? say(TEXT.offStep, lang, { step: show(item.step) })
      : null;
}

function othersText(others: readonly SheetScores[] | "hidden", id: string): string {
  if (others === "hidden") {
    return "";
  }
  return others
    .map((sheet) => sheet.scores[id]?.points)
    .filter((points): points is number => points !== undefined)
    .join(" ");
}

/**
 * 评分: a reviewer goes through the judged indicators of a candidate, types a score or picks a
 * rubric band, adds a note; each confirmed score is saved at once. A conflicted candidate (the
 * reviewer declares one with `c`) shows 回避 and cannot be scored; the other reviewers' scores
 * stay hidden until the sheet is submitted.
 */
export function ScoringScreen({ view, width, height, candidate }: ScoringScreenProps) {
  const ui = useUi();
  const { lang, session } = ui;
  const t = (text: { zh: string; en: string }, params: Record<string, string | number> = {}) =>
    say(text, lang, params);
  const result = useMemo(
    () => view.results.find((entry) => entry.candidate.id === candidate),
    [view.results, candidate],
  );
  const items = useMemo(() => (result ? judgedItems(result) : []), [result]);
  const visible = useMemo(
    () => (view ? session.visibleScores(candidate) : undefined),
    [session, candidate, view],
  );
  const own = visible?.own;
  const conflict = visible?.conflict;
  const [state, setState] = useState({ candidate, cursor: 0, top: 0 });
  const [draft, setDraft] = useState<string | null>(null);
  const at = state.candidate === candidate ? state : { candidate, cursor: 0, top: 0 };
  const cursor = Math.min(at.cursor, Math.max(0, items.length - 1));
  const item = items[cursor];
  const current = item ? own?.scores[item.id] : undefined;

  // in a short terminal the rubric gives way, so that three indicators and the score line show
  const rubricShown = Math.min(item?.rubric.length ?? 0, RUBRIC_LINES, Math.max(0, height - 9));
  const detailHeight = 4 + rubricShown;
  const listHeight = Math.max(1, height - 2 - detailHeight);
  const top = Math.min(Math.max(at.top, cursor - listHeight + 1, 0), cursor);

  const moveTo = useCallback(
    (index: number, keepEditing: boolean) => {
      const next = Math.max(0, Math.min(items.length - 1, index));
      setState({
        candidate,
        cursor: next,
        top: Math.min(Math.max(top, next - listHeight + 1, 0), next),
      });
      setDraft(keepEditing && items[next] ? "" : null);
    },
    [items, candidate, top, listHeight],
  );

  const save = useCallback(
    (target: JudgedItem, points: number, extra: { note?: string }, after: () => void) => {
      const saveScore = session.saveScore;
      if (!saveScore) {
        ui.notify(t(TEXT.readOnly), "error");
        return;
      }
      const before = own?.scores[target.id];
      const write = (reason?: string) =>
        ui.run(
          () =>
            saveScore({
              candidate,
              indicator: target.id,
              points,
              ...(extra.note !== undefined && { note: extra.note }),
              ...(reason !== undefined && { reason }),
            }),
          (receipt) => {
            ui.notify(
              extra.note !== undefined && before?.points === points
                ? t(TEXT.noteSaved, { indicator: target.title })
                : receipt.changed
                  ? t(TEXT.saved, { indicator: target.title, points, version: receipt.version })
                  : t(TEXT.unchanged, { indicator: target.title, points }),
              "ok",
            );
            after();
          },
        );
      if (own?.submitted && before?.points !== points) {
        ui.ask({ kind: "text", label: t(TEXT.reviseReason), onSubmit: (reason) => write(reason) });
      } else {
        write();
      }
    },
    // t is rebuilt each render from lang, which is in the deps through ui
    [session, ui, own, candidate, lang],
  );

  const askNote = useCallback(
    (target: JudgedItem, points: number | undefined) => {
      if (points === undefined) {
        ui.notify(t(TEXT.noteNeedsScore), "error");
        return;
      }
      ui.ask({
        kind: "text",
        label: `${t(TEXT.note)} ${target.title}`,
        initial: own?.scores[target.id]?.note ?? "",
        onSubmit: (note) => save(target, points, { note }, () => undefined),
      });
    },
    [ui, own, save, lang],
  );

  const keys = useCallback(
    (input: string, key: Key): boolean => {
      if (draft === null && input === "c" && result) {
        // a conflict is the reviewer's own to declare, whatever the candidate's tables hold
        if (view.isReviewer) {
          askConflict(ui, { reviewer: view.user, candidate: result.candidate });
        } else {
          ui.notify(
            t(TEXT.notReviewer, { role: t(view.isChair ? TEXT.chair : TEXT.observer) }),
            "error",
          );
        }
        return true;
      }
      if (!item) {
        return false;
      }
      if (draft !== null) {
        if (key.escape) {
          setDraft(null);
        } else if (key.upArrow || key.downArrow) {
          moveTo(cursor + (key.upArrow ? -1 : 1), true);
        } else if (key.return) {
          const problem = draftProblem(item, draft, lang);
          if (draft === "") {
            setDraft(null);
          } else if (problem) {
            ui.notify(problem, "error");
          } else {
            save(item, Number(draft), {}, () => moveTo(cursor + 1, cursor + 1 < items.length));
          }
        } else if (key.tab) {
          const problem = draftProblem(item, draft, lang);
          setDraft(null);
          askNote(item, draft === "" || problem ? current?.points : Number(draft));
        } else if (key.backspace || key.delete) {
          setDraft([...draft].slice(0, -1).join(""));
        } else if (/^\d{0,4}(\.\d{0,2})?$/.test(draft + input)) {
          // what cannot become a score with two decimals is not taken
          setDraft(draft + input);
        }
        // every other key is swallowed while a score is typed: q and ? are not meant then
        return true;
      }
      if (key.upArrow || input === "k") {
        moveTo(cursor - 1, false);
      } else if (key.downArrow || input === "j") {
        moveTo(cursor + 1, false);
      } else if (key.escape) {
        ui.go("candidates");
      } else if (conflict && (key.return || input === "r" || input === "n" || input === "S")) {
        ui.notify(
          t(TEXT.recusedNotice, {
            kind: t(CONFLICT_TEXT[conflict.kind] ?? { zh: conflict.kind, en: conflict.kind }),
          }),
          "error",
        );
      } else if (
        !view.isReviewer &&
        (key.return || input === "r" || input === "n" || input === "S")
      ) {
        ui.notify(
          t(TEXT.notReviewer, { role: t(view.isChair ? TEXT.chair : TEXT.observer) }),
          "error",
        );
      } else if (key.return) {
        setDraft("");
      } else if (input === "r" && item.rubric.length > 0) {
        const bands = item.rubric.slice(0, 9);
        ui.ask({
          kind: "choice",
          label: t(TEXT.pickBand, { count: bands.length }),
          choices: bands.map((band, index) => ({
            key: String(index + 1),
            label: String(band.points),
          })),
          onChoose: (choice) => {
            const band = bands[Number(choice) - 1];
            if (band) {
              save(item, band.points, {}, () => moveTo(cursor + 1, false));
            }
          },
        });
      } else if (input === "n") {
        askNote(item, current?.points);
      } else if (input === "S") {
        const submit = session.submitSheet;
        if (!submit || !result) {
          ui.notify(t(TEXT.readOnly), "error");
          return true;
        }
        const left = items.filter((entry) => own?.scores[entry.id] === undefined).length;
        const name = result.candidate.name;
        ui.ask({
          kind: "choice",
          label: left > 0 ? t(TEXT.submitIncomplete, { left, name }) : t(TEXT.submitAsk, { name }),
          choices: [
            { key: "y", label: lang === "zh" ? "提交" : "submit" },
            { key: "n", label: lang === "zh" ? "不提交" : "not now" },
          ],
          onChoose: (choice) => {
            if (choice === "y") {
              ui.run(
                () => submit(candidate),
                () => ui.notify(t(TEXT.submittedDone, { name }), "ok"),
              );
            }
          },
        });
      } else {
        return false;
      }
      return true;
    },
    [
      item,
      draft,
      cursor,
      moveTo,
      lang,
      ui,
      save,
      items,
      askNote,
      current,
      conflict,
      view,
      session,
      result,
      own,
      candidate,
    ],
  );
  useKeys(keys, draft !== null ? "editing" : "scoring");

  const { setCursorPosition } = useCursor();
  if (!result) {
    setCursorPosition(undefined);
    return <Box height={height} />;
  }
  const scored = items.filter((entry) => own?.scores[entry.id] !== undefined).length;
  const headRight = view.isReviewer
    ? `${t(TEXT.myProgress, { scored, judged: items.length })}  ${own?.submitted ? t(TEXT.submitted) : t(TEXT.notSubmitted)}`
    : "";
  const headLeft = t(TEXT.scoringOf, { name: result.candidate.name, id: result.candidate.id });
  const lines: Line[] = [
    [
      span(truncate(headLeft, width - widthOf(headRight) - 1), { bold: true }),
      span(" ".repeat(Math.max(1, width - widthOf(headLeft) - widthOf(headRight)))),
      span(headRight, own?.submitted ? { color: "green" } : { dim: true }),
    ],
  ];
  const othersWidth = Math.max(8, Math.min(24, width - 40));
  const titleWidth = width - 2 - 6 - 8 - othersWidth - 3;
  lines.push([
    span("  "),
    ...row([
      { text: t(TEXT.indicator), width: titleWidth, bold: true },
      { text: t(TEXT.max), width: 6, align: "right", bold: true },
      { text: t(TEXT.myScore), width: 8, align: "right", bold: true },
      {
        text: visible?.others === "hidden" ? t(TEXT.othersHidden) : t(TEXT.others),
        width: othersWidth,
        bold: true,
      },
    ]),
  ]);
  const rows = items.slice(top, top + listHeight).map((entry, index): Line => {
    const selected = top + index === cursor;
    const mine = own?.scores[entry.id];
    const style = selected ? { inverse: true } : {};
    return [
      span(selected ? `${POINTER} ` : "  ", { bold: true }),
      ...row([
        { text: entry.title, width: titleWidth, ...style },
        { text: formatCents(entry.max), width: 6, align: "right", ...style },
        {
          text: conflict ? t(TEXT.recused) : mine ? String(mine.points) : t(TEXT.none),
          width: 8,
          align: "right",
          ...(conflict ? { color: "yellow" } : mine ? { color: "green" } : { dim: true }),
          ...style,
        },
        { text: othersText(visible?.others ?? "hidden", entry.id), width: othersWidth, ...style },
      ]),
    ];
  });
  while (rows.length < listHeight) {
    rows.push([]);
  }
  lines.push(...rows, []);

  const detail: Line[] = [];
  let cursorAt: { x: number; y: number } | undefined;
  if (!view.isReviewer) {
    detail.push(
      ...paragraph(
        t(TEXT.notReviewer, { role: t(view.isChair ? TEXT.chair : TEXT.observer) }),
        width,
        0,
        { color: "yellow" },
      ),
    );
  } else if (conflict) {
    const kind = t(CONFLICT_TEXT[conflict.kind] ?? { zh: conflict.kind, en: conflict.kind });
    detail.push(
      ...paragraph(t(TEXT.recusedNotice, { kind }), width, 0, { color: "yellow", bold: true }),
    );
    if (conflict.source === "proposed") {
      detail.push(...paragraph(t(TEXT.recusedProposed), width, 0, { dim: true }));
    }
  } else if (!item) {
    detail.push([span(t(TEXT.noJudged), { dim: true })]);
  } else {
    const category = item.category === null ? t(TEXT.bonusItems) : item.category;
    const limits = `  ${t(TEXT.limits, { max: show(item.max), step: show(item.step) })}  ${category}`;
    const name = truncate(
      t(TEXT.itemTitle, { title: item.title, id: item.id }),
      Math.max(10, width - widthOf(limits)),
    );
    detail.push([
      span(name, { bold: true }),
      span(truncate(limits, width - widthOf(name)), { dim: true }),
    ]);
    item.rubric.slice(0, rubricShown).forEach((band, index) => {
      detail.push([
        span(`  ${index + 1} `, { bold: true, color: "cyan" }),
        span(truncate(`${band.label} ${band.points}`, width - 4)),
      ]);
    });
    detail.push([
      span(
        truncate(
          t(TEXT.labelled, { label: t(TEXT.note), value: current?.note ?? t(TEXT.none) }),
          width,
        ),
        {
          dim: true,
        },
      ),
    ]);
    const label = t(TEXT.labelled, { label: t(TEXT.scoreField), value: "" });
    if (draft !== null) {
      const problem = draftProblem(item, draft, lang);
      detail.push([
        span(label, { bold: true, color: "yellow" }),
        span(draft),
        problem
          ? span(`  ${problem}`, { color: "red" })
          : span(draft === "" && current ? `  ${t(TEXT.nowIs, { points: current.points })}` : "", {
              dim: true,
            }),
      ]);
      cursorAt = { x: widthOf(label) + widthOf(draft), y: 1 + lines.length + detail.length - 1 };
    } else {
      detail.push([
        span(label, { bold: true }),
        span(current ? `${current.points}` : t(TEXT.none)),
        span(
          current && current.version > 1 ? ` ${t(TEXT.version, { version: current.version })}` : "",
          {
            dim: true,
          },
        ),
      ]);
    }
  }
  setCursorPosition(cursorAt);
  lines.push(...detail);
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(0, height).map((line, index) => (
        <LineView key={index} line={line} />
      ))}
    </Box>
  );
}
