import type { Lang } from "@ceping/engine";
import { Box, useCursor } from "ink";
import type { Key } from "ink";
import { useLayoutEffect, useRef, useState } from "react";
import { span } from "../lines.ts";
import { truncate, widthOf } from "../text-width.ts";
import { KEY } from "../theme.ts";
import { say, TEXT } from "../tui-text.ts";
import type { Prompt } from "../ui-context.ts";
import { HelpBar } from "./help-bar.tsx";
import { LineView } from "./line-view.tsx";

/** Props of {@link PromptBar}. */
export interface PromptBarProps {
  readonly prompt: Prompt;
  readonly width: number;
  /** the line of the screen it is drawn on, for the terminal's cursor (IME) */
  readonly y: number;
  readonly lang: Lang;
  /** called once the prompt is answered or cancelled */
  readonly onClose: () => void;
  /** takes the prompt's key handler: the app passes it every key while the prompt is open */
  readonly onKeys: (handler: ((input: string, key: Key) => void) | undefined) => void;
}

const WORDS = {
  zh: { confirm: "确认", cancel: "取消", erase: "删除" },
  en: { confirm: "confirm", cancel: "cancel", erase: "erase" },
} as const;

/** A question on the bottom two lines: text typed in, or one of a few keys. */
export function PromptBar({ prompt, width, y, lang, onClose, onKeys }: PromptBarProps) {
  const [value, setShown] = useState(prompt.kind === "text" ? (prompt.initial ?? "") : "");
  // keys can come faster than React renders: read and write the text through a ref
  const typed = useRef(value);
  const setValue = (change: (text: string) => string) => {
    typed.current = change(typed.current);
    setShown(typed.current);
  };
  const { setCursorPosition } = useCursor();
  const handler = (input: string, key: Key) => {
    if (key.escape) {
      onClose();
      prompt.onCancel?.();
      return;
    }
    if (prompt.kind === "choice") {
      const choice = prompt.choices.find((entry) => entry.key === input);
      if (choice) {
        onClose();
        prompt.onChoose(choice.key);
      }
      return;
    }
    if (key.return) {
      onClose();
      prompt.onSubmit(typed.current);
    } else if (key.backspace || key.delete) {
      setValue((text) => [...text].slice(0, -1).join(""));
    } else if (input && !key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) {
      setValue((text) => text + input.replace(/[\r\n]/g, ""));
      // a paste that ends with a newline answers the prompt
      if (/[\r\n]$/.test(input)) {
        onClose();
        prompt.onSubmit(typed.current);
      }
    }
  };
  useLayoutEffect(() => {
    onKeys(handler);
    return () => onKeys(undefined);
  });
  const words = WORDS[lang];
  if (prompt.kind === "choice") {
    setCursorPosition(undefined);
    return (
      <Box flexDirection="column">
        <LineView line={[span(truncate(prompt.label, width), { bold: true, color: "yellow" })]} />
        <HelpBar
          keys={prompt.choices.map((choice) => ({ key: choice.key, does: choice.label }))}
          always={[{ key: "Esc", does: words.cancel }]}
          width={width}
        />
      </Box>
    );
  }
  const label = say(TEXT.labelled, lang, { label: prompt.label, value: "" });
  // show the end of what was typed when it is longer than the line
  let shown = value;
  while (widthOf(label) + widthOf(shown) > width - 1 && shown.length > 0) {
    shown = [...shown].slice(1).join("");
  }
  setCursorPosition({ x: widthOf(label) + widthOf(shown), y });
  return (
    <Box flexDirection="column">
      <LineView line={[span(label, { bold: true, color: "yellow" }), span(shown)]} />
      <HelpBar
        keys={[
          { key: KEY.enter, does: words.confirm },
          { key: "Backspace", does: words.erase },
        ]}
        always={[{ key: "Esc", does: words.cancel }]}
        width={width}
      />
    </Box>
  );
}
