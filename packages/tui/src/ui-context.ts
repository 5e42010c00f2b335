import type { Lang } from "@ceping/engine";
import type { Key } from "ink";
import { createContext, useContext } from "react";
import type { KeySet } from "./keys-help.ts";
import type { MaybePromise, Outcome, PanelSession } from "./panel-session.ts";

/** The screens of the UI. */
export type ScreenId = "candidates" | "candidate" | "scoring" | "panel" | "results" | "rules";

/** A key handler of a screen: true when it used the key, so global keys do not see it. */
export type KeyHandler = (input: string, key: Key) => boolean;

/** A question at the bottom of the screen: a line of text to type, or one key of a few. */
export type Prompt =
  | {
      readonly kind: "text";
      readonly label: string;
      readonly initial?: string;
      readonly onSubmit: (value: string) => void;
      readonly onCancel?: () => void;
    }
  | {
      readonly kind: "choice";
      readonly label: string;
      readonly choices: readonly { readonly key: string; readonly label: string }[];
      readonly onChoose: (key: string) => void;
      readonly onCancel?: () => void;
    };

/** How a notice at the bottom reads: done, failed, or just saying. */
export type Tone = "ok" | "error" | "info";

/** What every screen may use of the app around it. */
export interface Ui {
  readonly lang: Lang;
  readonly session: PanelSession;
  /** shows a line at the bottom until the next key */
  readonly notify: (text: string, tone?: Tone) => void;
  readonly ask: (prompt: Prompt) => void;
  /** runs an action, shows its problems or throws, and calls back with its value when it worked */
  readonly run: <T>(action: () => MaybePromise<Outcome<T>>, then: (value: T) => void) => void;
  readonly go: (screen: ScreenId, candidate?: string) => void;
  /** the key handler of the screen on show, and the keys its help bar shows */
  readonly setKeys: (handler: KeyHandler | undefined, set?: KeySet) => void;
}

export const UiContext = createContext<Ui | undefined>(undefined);

/** The app around a screen. */
export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) {
    throw new Error("useUi outside <App>");
  }
  return ui;
}
