import type { Lang } from "@ceping/engine";
import { Box, Text, useApp, useInput } from "ink";
import { Component } from "react";
import type { ReactNode } from "react";
import { say, TEXT } from "../tui-text.ts";

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  readonly lang: Lang;
  readonly children: ReactNode;
}

interface State {
  readonly message?: string;
}

function QuitOnKey({ message, lang }: { readonly message: string; readonly lang: Lang }) {
  const { exit } = useApp();
  useInput((input, key) => {
    if (input === "q" || key.escape || (key.ctrl && input === "c")) {
      exit();
    }
  });
  return (
    <Box>
      <Text color="red">{say(TEXT.crashed, lang, { message })}</Text>
    </Box>
  );
}

/**
 * Shows a failure of the UI itself as one line instead of Ink's stack trace, and lets the user
 * quit. Error boundaries must be class components: React has no hook for them.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.message === undefined ? (
      this.props.children
    ) : (
      <QuitOnKey message={this.state.message} lang={this.props.lang} />
    );
  }
}
