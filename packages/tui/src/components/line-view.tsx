import { Text } from "ink";
import { memo } from "react";
import type { Line, Span } from "../lines.ts";

/** Props of {@link LineView}. */
export interface LineViewProps {
  /** the spans of the line, already fitted to the screen's width */
  readonly line: Line;
}

// trailing blanks draw nothing (unless inverted) but cost Ink a cell each: leave them out
function withoutTrailingBlanks(line: Line): Line {
  let end = line.length;
  while (end > 0) {
    const last = line[end - 1] as Span;
    if (last.inverse) {
      break;
    }
    const text = last.text.trimEnd();
    if (text !== "") {
      return text === last.text && end === line.length
        ? line
        : [...line.slice(0, end - 1), { ...last, text }];
    }
    end -= 1;
  }
  return line.slice(0, end);
}

/** One line of styled spans; a line too wide for the screen is cut, never wrapped. */
export const LineView = memo(function LineView({ line }: LineViewProps) {
  return (
    <Text wrap="truncate-end">
      {withoutTrailingBlanks(line).map((part, index) =>
        part.color || part.bold || part.dim || part.inverse ? (
          <Text
            key={index}
            {...(part.color && { color: part.color })}
            bold={part.bold === true}
            dimColor={part.dim === true}
            inverse={part.inverse === true}
          >
            {part.text}
          </Text>
        ) : (
          part.text
        ),
      )}
    </Text>
  );
});
