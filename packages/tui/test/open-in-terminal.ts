// Opens an assessment file in the terminal UI, as `ceping open FILE --as NAME` will:
//   node --import tsx packages/tui/test/open-in-terminal.ts FILE --as NAME [--lang en]
// The end-to-end test runs it in a real pseudo-terminal (tmux).
import { parseArgs } from "node:util";
import { formatMessage } from "@ceping/engine";
import { openAssessmentSession } from "../src/assessment-session.ts";
import { runTui } from "../src/run-tui.tsx";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { as: { type: "string" }, lang: { type: "string", default: "zh" } },
});
const file = positionals[0];
const lang = values.lang === "en" ? "en" : "zh";
if (file === undefined || values.as === undefined) {
  process.stderr.write("usage: open-in-terminal FILE --as NAME [--lang en]\n");
  process.exit(2);
}
const opened = openAssessmentSession(file, { user: values.as });
if (!opened.ok) {
  process.stderr.write(`${opened.issues.map((issue) => formatMessage(issue, lang)).join("\n")}\n`);
  process.exit(1);
}
try {
  await runTui(opened.value.session, { lang });
} finally {
  opened.value.close();
}
