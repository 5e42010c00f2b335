import type { Lang } from "@ceping/engine";

/** The terminal UI needs an interactive terminal: keys are read one by one (raw mode). */
export class TerminalRequiredError extends Error {
  override readonly name = "TerminalRequiredError";
  readonly code = "TUI_TERMINAL_REQUIRED";

  constructor() {
    super("the terminal UI needs an interactive terminal (stdin is not a TTY)");
  }

  /** The message in a language. */
  say(lang: Lang): string {
    return lang === "zh"
      ? "终端界面需要在交互式终端中运行（标准输入不是终端）；脚本中请用 ceping score 等命令"
      : "the terminal UI needs an interactive terminal (stdin is not a TTY); in scripts use ceping score and the other commands";
  }
}
