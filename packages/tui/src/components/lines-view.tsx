import { Box } from "ink";
import type { Line, LineList } from "../lines.ts";
import { LineView } from "./line-view.tsx";

/** Props of {@link LinesView}. */
export interface LinesViewProps {
  /** an array, or a list that makes each line when it is asked for */
  readonly lines: readonly Line[] | LineList;
  /** the first line shown @default 0 */
  readonly offset?: number;
  /** how many lines it takes on screen, whatever the number of lines */
  readonly height: number;
}

/** A window onto lines: only the visible ones are made and rendered, however many there are. */
export function LinesView({ lines, offset = 0, height }: LinesViewProps) {
  const visible: Line[] = [];
  for (let index = offset; index < Math.min(lines.length, offset + Math.max(0, height)); index++) {
    visible.push(lines.at(index) ?? []);
  }
  return (
    <Box flexDirection="column" height={Math.max(0, height)}>
      {visible.map((line, index) => (
        <LineView key={offset + index} line={line} />
      ))}
    </Box>
  );
}
