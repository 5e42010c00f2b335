import { candidateScoreToJson } from "@ceping/engine";
import type { CandidateScore, Lang } from "@ceping/engine";

// candidates per chunk: few writes, and never more than a few megabytes of text at once
const PER_CHUNK = 500;

/**
 * `ceping score --format json`, exactly the text `JSON.stringify(resultsToJson(...), null, 2)`
 * gives, made a few hundred candidates at a time: 50,000 candidates are some 270 MB of JSON,
 * which built whole (the object tree, then one string) took the process from 0.6 to 2 GB.
 */
export function* resultsJsonChunks(
  results: readonly CandidateScore[],
  on: string,
  lang: Lang,
): Generator<string> {
  const head = `{\n  "on": ${JSON.stringify(on)},\n  "candidates": [`;
  if (results.length === 0) {
    yield `${head}]\n}\n`;
    return;
  }
  let chunk = head;
  for (let index = 0; index < results.length; index++) {
    const result = results[index] as CandidateScore;
    // an element of the array sits four spaces in: every line of it is indented by that much
    const text = JSON.stringify(candidateScoreToJson(result, lang), null, 2).replaceAll(
      "\n",
      "\n    ",
    );
    chunk += `${index === 0 ? "" : ","}\n    ${text}`;
    if ((index + 1) % PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}\n  ]\n}\n`;
}
