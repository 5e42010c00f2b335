import type { Lang } from "@ceping/engine";
import { render } from "ink";
import { useLayoutEffect } from "react";
import { App } from "./app.tsx";
import { TerminalRequiredError } from "./errors.ts";
import type { PanelSession } from "./panel-session.ts";

/** Where and how the UI runs. */
export interface RunOptions {
  /** @default "zh" */
  readonly lang?: Lang;
  /** @default process.stdin */
  readonly stdin?: NodeJS.ReadStream;
  /** @default process.stdout */
  readonly stdout?: NodeJS.WriteStream;
  /** @default process.stderr */
  readonly stderr?: NodeJS.WriteStream;
}

// the alternate screen: the UI draws on a screen of its own, and the shell's comes back on exit
const ENTER = "\u001B[?1049h\u001B[H";
const LEAVE = "\u001B[?25h\u001B[?1049l";

function RestoreOnUnmount({ restore }: { readonly restore: () => void }) {
  // a layout effect's cleanup runs inside Ink's synchronous unmount, which is all there is
  // time for when the process ends on a signal
  useLayoutEffect(() => restore, [restore]);
  return null;
}

/**
 * Runs the terminal UI on a session until the user quits, on the alternate screen so that the
 * terminal is left as it was found. Rejects with TerminalRequiredError when stdin is no terminal.
 */
export async function runTui(session: PanelSession, options: RunOptions = {}): Promise<void> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  if (stdin.isTTY !== true) {
    throw new TerminalRequiredError();
  }
  const isScreen = stdout.isTTY === true;
  let restored = !isScreen;
  const restore = () => {
    if (!restored) {
      restored = true;
      stdout.write(LEAVE);
    }
  };
  if (isScreen) {
    stdout.write(ENTER);
  }
  const instance = render(
    <>
      <App session={session} lang={options.lang ?? "zh"} />
      <RestoreOnUnmount restore={restore} />
    </>,
    {
      stdin,
      stdout,
      stderr,
      exitOnCtrlC: true,
      patchConsole: false,
      maxFps: 60,
      // Ink 6.8's incremental mode writes fewer bytes but leaves stale rows on screen after a
      // resize (seen in tmux: rows drawn twice); whole frames are drawn instead
      incrementalRendering: false,
    },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    restore();
  }
}
