import { formatIssue, formatMessage, hasErrors } from "@ceping/engine";
import type { Issue, Lang, Level, Message } from "@ceping/engine";
import { Box, useApp, useInput } from "ink";
import type { Key } from "ink";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { filterRows, levelRows, positionOf, rowsById, sortRows } from "./candidate-rows.ts";
import type { CandidateRow } from "./candidate-rows.ts";
import { ErrorBoundary } from "./components/error-boundary.tsx";
import { HelpBar } from "./components/help-bar.tsx";
import { LineView } from "./components/line-view.tsx";
import { PromptBar } from "./components/prompt-bar.tsx";
import { tabsFor, TabBar } from "./components/tab-bar.tsx";
import { useSessionView } from "./hooks/use-session-view.ts";
import { useTerminalSize } from "./hooks/use-terminal-size.ts";
import { barKeys, GLOBAL_KEYS } from "./keys-help.ts";
import type { KeySet } from "./keys-help.ts";
import { span } from "./lines.ts";
import type { MaybePromise, Outcome, PanelSession, SessionView } from "./panel-session.ts";
import { CandidateScreen } from "./screens/candidate-screen.tsx";
import { CandidatesScreen } from "./screens/candidates-screen.tsx";
import type { ListState } from "./screens/candidates-screen.tsx";
import { HelpScreen } from "./screens/help-screen.tsx";
import { PanelScreen } from "./screens/panel-screen.tsx";
import { ResultsScreen } from "./screens/results-screen.tsx";
import { RulesScreen } from "./screens/rules-screen.tsx";
import { ScoringScreen } from "./screens/scoring-screen.tsx";
import { truncate } from "./text-width.ts";
import { say, TEXT } from "./tui-text.ts";
import type { KeyHandler, Prompt, ScreenId, Tone, Ui } from "./ui-context.ts";
import { UiContext } from "./ui-context.ts";

/** Props of {@link App}. */
export interface AppProps {
  /** the assessment, its data and the actions open to the user */
  readonly session: PanelSession;
  /** @default "zh" */
  readonly lang?: Lang;
}

/** The smallest terminal the screens are laid out for. */
export const MIN_SIZE = { columns: 60, rows: 12 } as const;

const TONE_COLOR: Readonly<Record<Tone, string | undefined>> = {
  ok: "green",
  error: "red",
  info: undefined,
};

function issuesText(issues: readonly Issue[], lang: Lang): string {
  const errors = issues.filter((issue) => issue.severity === "error");
  const first = errors[0] ?? issues[0];
  if (!first) {
    return "";
  }
  const message = formatMessage(first, lang);
  return errors.length > 1
    ? say(TEXT.problems, lang, { message, more: errors.length - 1 })
    : message;
}

/** An exception as one line: the store's errors carry a message in both languages. */
function errorText(error: unknown, lang: Lang): string {
  const detail = (error as { detail?: Message } | undefined)?.detail;
  if (detail && typeof detail.code === "string") {
    try {
      return formatMessage(detail, lang);
    } catch {
      // not one of the catalog's messages after all: fall through to the plain text
    }
  }
  return say(TEXT.actionFailed, lang, {
    message: error instanceof Error ? error.message : String(error),
  });
}

function firstLevel(session: PanelSession, view: SessionView): Level {
  const levels = session.library.levels.map((rules) => rules.level);
  return (
    levels.find((level) =>
      view.results.some((result) => result.levels.some((s) => s.level === level)),
    ) ??
    levels[0] ??
    "county"
  );
}

function statusLine(view: SessionView, lang: Lang): string {
  if (hasErrors(view.issues)) {
    const errors = view.issues.filter((issue) => issue.severity === "error");
    return say(TEXT.dataProblems, lang, {
      count: errors.length,
      first: formatIssue(errors[0] as Issue, lang),
    });
  }
  const parts = [view.title, view.on, view.locked ? say(TEXT.lockedMark, lang) : undefined];
  if (view.finalHash) {
    parts.push(`#${view.finalHash.slice(0, 12)}`);
  }
  return parts.filter((part) => part !== undefined && part !== "").join(" | ");
}

function Screens({ session, lang }: { readonly session: PanelSession; readonly lang: Lang }) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const view = useSessionView(session);
  const [screen, setScreen] = useState<{ id: ScreenId; back: ScreenId }>({
    id: "candidates",
    back: "candidates",
  });
  const [list, setList] = useState<ListState>(() => ({
    filter: {
      level: firstLevel(session, view),
      unitType: null,
      status: null,
      sort: "total",
      query: "",
    },
    top: 0,
    searching: false,
  }));
  const [notice, setNotice] = useState<{ text: string; tone: Tone }>();
  const [prompt, setPrompt] = useState<Prompt>();
  const [help, setHelp] = useState(false);
  const [keySet, setKeySet] = useState<KeySet>("candidates");
  const keys = useRef<KeyHandler | undefined>(undefined);

  const width = columns - 1;
  const bodyHeight = rows - 4;
  // thousands of rows: each level's rows, in each order, are worked out once per view
  const rowCache = useMemo(() => new Map<string, CandidateRow[]>(), [view]);
  const cached = (key: string, make: () => CandidateRow[]) => {
    let rows = rowCache.get(key);
    if (!rows) {
      rows = make();
      rowCache.set(key, rows);
    }
    return rows;
  };
  const { level, sort } = list.filter;
  const all = cached(level, () => levelRows(view, level));
  const sorted = cached(`${level}|${sort}`, () => sortRows(all, sort));
  const filtered = useMemo(() => filterRows(sorted, list.filter), [sorted, list.filter]);
  const selected =
    list.selected ?? filtered[0]?.result.candidate.id ?? view.results[0]?.candidate.id;
  const tabs = useMemo(
    () => tabsFor(view.isReviewer, view.isChair, lang),
    [view.isReviewer, view.isChair, lang],
  );

  const always = useMemo(
    () =>
      GLOBAL_KEYS.filter((entry) => entry.key === "?" || entry.key === "q").map((entry) => ({
        key: entry.key,
        does: entry.does[lang],
      })),
    [lang],
  );
  const { isReviewer, isChair } = view;
  const barKeyList = useMemo(
    () => barKeys(help ? "help" : keySet, lang, { isReviewer, isChair }),
    [help, keySet, lang, isReviewer, isChair],
  );
  const notify = useCallback((text: string, tone: Tone = "info") => setNotice({ text, tone }), []);
  const go = useCallback((id: ScreenId, candidate?: string) => {
    if (candidate !== undefined) {
      setList((state) => ({ ...state, selected: candidate }));
    }
    setScreen((current) => ({ id, back: id === "candidate" ? current.id : id }));
  }, []);
  const run = useCallback(
    <T,>(action: () => MaybePromise<Outcome<T>>, then: (value: T) => void) => {
      const settle = (outcome: Outcome<T>) => {
        if (outcome.ok) {
          then(outcome.value);
          // what went through with a warning says so after its confirmation (scores set aside …)
          const warnings = outcome.issues.filter((issue) => issue.severity === "warning");
          if (warnings.length > 0) {
            const warned = issuesText(warnings, lang);
            setNotice((shown) =>
              shown
                ? {
                    text: say(TEXT.withWarning, lang, { text: shown.text, warning: warned }),
                    tone: shown.tone,
                  }
                : { text: warned, tone: "info" },
            );
          }
        } else {
          setNotice({ text: issuesText(outcome.issues, lang), tone: "error" });
        }
      };
      try {
        const outcome = action();
        if (outcome instanceof Promise) {
          setNotice({ text: say(TEXT.working, lang), tone: "info" });
          outcome.then(settle, (error: unknown) =>
            setNotice({ text: errorText(error, lang), tone: "error" }),
          );
        } else {
          settle(outcome);
        }
      } catch (error) {
        setNotice({ text: errorText(error, lang), tone: "error" });
      }
    },
    [lang],
  );
  const setKeys = useCallback((handler: KeyHandler | undefined, set?: KeySet) => {
    keys.current = handler;
    if (set !== undefined) {
      setKeySet(set);
    }
  }, []);
  const ui = useMemo<Ui>(
    () => ({ lang, session, notify, ask: setPrompt, run, go, setKeys }),
    [lang, session, notify, run, go, setKeys],
  );

  const step = useCallback(
    (delta: number) => {
      const index = positionOf(filtered, selected);
      const next = filtered[Math.max(0, Math.min(filtered.length - 1, index + delta))];
      if (next) {
        setList((state) => ({ ...state, selected: next.result.candidate.id }));
      }
    },
    [filtered, selected],
  );

  // one subscription for the app's life: the handler of the latest render reads the state as it
  // is now, even when keys come faster than Ink re-subscribes handlers (a paste, tmux send-keys)
  const handleKey = useRef<(input: string, key: Key) => void>(undefined);
  const promptKeys = useRef<((input: string, key: Key) => void) | undefined>(undefined);
  const onKey = (input: string, key: Key) => {
    if (prompt) {
      promptKeys.current?.(input, key);
      return;
    }
    setNotice(undefined);
    if (help) {
      if (key.escape || input === "?" || input === "q") {
        setHelp(false);
      } else {
        keys.current?.(input, key);
      }
      return;
    }
    if (keys.current?.(input, key)) {
      return;
    }
    if (input === "q") {
      exit();
    } else if (input === "?") {
      setHelp(true);
    } else if (input === "[" || input === "]") {
      step(input === "[" ? -1 : 1);
    } else if (key.escape && screen.id === "candidate") {
      setScreen({ id: screen.back, back: screen.back });
    } else {
      const tab = tabs.find((entry) => entry.key === input);
      if (tab) {
        setScreen({ id: tab.screen, back: tab.screen });
      }
    }
  };
  useLayoutEffect(() => {
    handleKey.current = onKey;
  });
  useInput(useCallback((input: string, key: Key) => handleKey.current?.(input, key), []));

  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) {
    return (
      <LineView
        line={[
          span(
            truncate(
              say(TEXT.tooSmall, lang, {
                columns: MIN_SIZE.columns,
                rows: MIN_SIZE.rows,
                width: columns,
                height: rows,
              }),
              width,
            ),
            { color: "red" },
          ),
        ]}
      />
    );
  }

  const role = view.isChair ? TEXT.chair : view.isReviewer ? TEXT.reviewer : TEXT.observer;
  const who =
    `${view.user === "" ? "" : say(TEXT.userRole, lang, { user: view.user, role: say(role, lang) })}  ${view.on}`.trim();
  const body = { width, height: bodyHeight };
  const candidate = selected ?? "";
  let content;
  if (help) {
    content = <HelpScreen {...body} screen={screen.id} />;
  } else if (screen.id === "candidates") {
    content = (
      <CandidatesScreen
        view={view}
        {...body}
        list={list}
        rows={filtered}
        total={all.length}
        onList={setList}
      />
    );
  } else if (screen.id === "candidate") {
    content = (
      <CandidateScreen view={view} {...body} candidate={candidate} level={list.filter.level} />
    );
  } else if (screen.id === "scoring") {
    content = <ScoringScreen view={view} {...body} candidate={candidate} />;
  } else if (screen.id === "panel") {
    content = (
      <PanelScreen
        view={view}
        {...body}
        rows={filtered}
        selected={candidate}
        onSelect={(id) => setList((state) => ({ ...state, selected: id }))}
        level={list.filter.level}
      />
    );
  } else if (screen.id === "results") {
    content = (
      <ResultsScreen
        view={view}
        {...body}
        level={list.filter.level}
        onLevel={(level) =>
          setList((state) => ({ ...state, filter: { ...state.filter, level }, top: 0 }))
        }
      />
    );
  } else {
    // looked up only here: a scan of 10,000 rows on every frame was an eighth of its time
    const table = rowsById(filtered).get(candidate)?.score.compiled.ruleSet.id;
    content = <RulesScreen {...body} {...(table !== undefined && { table })} />;
  }
  const defaultStatus = statusLine(view, lang);
  return (
    <UiContext.Provider value={ui}>
      <Box flexDirection="column" width={columns} height={rows - 1}>
        <TabBar
          tabs={tabs}
          active={screen.id === "candidate" ? screen.back : screen.id}
          who={who}
          width={width}
        />
        <Box flexDirection="column" height={bodyHeight}>
          {content}
        </Box>
        {prompt ? (
          <PromptBar
            key={prompt.label}
            prompt={prompt}
            width={width}
            y={rows - 3}
            lang={lang}
            onClose={() => setPrompt(undefined)}
            onKeys={(handler) => {
              promptKeys.current = handler;
            }}
          />
        ) : (
          <>
            <LineView
              line={[
                notice
                  ? span(truncate(notice.text, width), {
                      ...(TONE_COLOR[notice.tone] && { color: TONE_COLOR[notice.tone] }),
                    })
                  : span(truncate(defaultStatus, width), {
                      ...(hasErrors(view.issues) ? { color: "red" } : { dim: true }),
                    }),
              ]}
            />
            <HelpBar keys={barKeyList} always={help ? undefined : always} width={width} />
          </>
        )}
      </Box>
    </UiContext.Provider>
  );
}

/** The terminal UI: the screens of an assessment, in Chinese unless told otherwise. */
export function App({ session, lang = "zh" }: AppProps) {
  return (
    <ErrorBoundary lang={lang}>
      <Screens session={session} lang={lang} />
    </ErrorBoundary>
  );
}
