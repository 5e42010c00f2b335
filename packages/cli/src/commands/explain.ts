import {
  explainScore,
  formatCents,
  fromCents,
  LEVEL_NAMES,
  levelScoreToJson,
  UNIT_TYPE_NAMES,
} from "@ceping/engine";
import type { CandidateScore, Explanation, Lang } from "@ceping/engine";
import { say, STATUS_TEXT, TEXT } from "../cli-text.ts";
import { UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { paint } from "../paint.ts";
import { findResult, scoreInputs } from "../read-inputs.ts";
import { renderTable } from "../table.ts";

/** One candidate's results explained for a person: every indicator, with why. */
export function explainText(result: CandidateScore, lang: Lang, color: boolean): string {
  const { candidate } = result;
  const zh = lang === "zh";
  let text = `${candidate.name}（${candidate.id}，${zh ? UNIT_TYPE_NAMES[candidate.unitType] : candidate.unitType}）\n`;
  for (const score of result.levels) {
    const explanation = explainScore(score, lang);
    const { ruleSet } = score.compiled;
    const status = say(STATUS_TEXT[score.status], lang);
    text += `\n${paint(`${zh ? LEVEL_NAMES[score.level] : score.level} · ${ruleSet.title} · ${ruleSet.id} ${ruleSet.version}`, "bold", color)}\n`;
    text += `${say(TEXT.total, lang)} ${formatCents(score.total)} = ${say(TEXT.base, lang)} ${formatCents(score.base)} + ${say(TEXT.bonus, lang)} ${formatCents(score.bonus)}  ${say(TEXT.status, lang)}：${status}\n`;
    if (score.scoredAs) {
      text += `${say(TEXT.scoredAs, lang, { type: zh ? UNIT_TYPE_NAMES[score.scoredAs] : score.scoredAs })}\n`;
    }
    const rows: string[][] = [];
    for (const category of explanation.categories) {
      rows.push([
        paint(category.title, "bold", color),
        formatCents(category.max),
        formatCents(category.points),
        category.sum !== category.points
          ? `Σ ${formatCents(category.sum)} → ${formatCents(category.points)}`
          : "",
      ]);
      for (const item of explanation.indicators.filter((entry) => entry.category === category.id)) {
        rows.push([`  ${item.title}`, formatCents(item.max), formatCents(item.points), item.why]);
      }
    }
    const bonusItems = explanation.indicators.filter((entry) => entry.category === null);
    if (bonusItems.length > 0) {
      const { bonus } = explanation;
      rows.push([
        paint(say(TEXT.bonusItems, lang), "bold", color),
        formatCents(bonus.cap),
        formatCents(bonus.points),
        say(TEXT.bonusCap, lang, {
          uncapped: formatCents(bonus.uncapped),
          cap: formatCents(bonus.cap),
          points: formatCents(bonus.points),
        }),
      ]);
      for (const item of bonusItems) {
        rows.push([`  ${item.title}`, formatCents(item.max), formatCents(item.points), item.why]);
      }
    }
    text += renderTable(
      [TEXT.indicator, TEXT.max, TEXT.points, TEXT.why].map((word) => say(word, lang)),
      rows,
      ["left", "right", "right", "left"],
    );
    if (explanation.vetoes.length > 0) {
      text += `${say(TEXT.vetoes, lang)}：\n`;
      for (const veto of explanation.vetoes) {
        const mark = veto.holds
          ? paint(say(TEXT.vetoHolds, lang), "red", color)
          : say(TEXT.vetoClear, lang);
        text += `  ${veto.title}${veto.raisedBy ? say(TEXT.vetoPanel, lang) : ""}：${mark}\n`;
      }
    }
    if (explanation.reasons.length > 0) {
      text += `${say(TEXT.reasons, lang)}：\n${explanation.reasons.map((reason) => `  · ${reason}\n`).join("")}`;
    }
  }
  return text;
}

/** An explanation with its hundredths as points, as the JSON contract gives points. */
export function explanationToJson(explanation: Explanation): Record<string, unknown> {
  return {
    indicators: explanation.indicators.map((item) => ({
      ...item,
      max: fromCents(item.max),
      points: fromCents(item.points),
    })),
    categories: explanation.categories.map((category) => ({
      ...category,
      max: fromCents(category.max),
      points: fromCents(category.points),
      sum: fromCents(category.sum),
    })),
    bonus: {
      points: fromCents(explanation.bonus.points),
      uncapped: fromCents(explanation.bonus.uncapped),
      cap: fromCents(explanation.bonus.cap),
    },
    vetoes: explanation.vetoes,
    reasons: explanation.reasons,
  };
}

/** `ceping explain`: one candidate, every number with its reason. */
export async function explainCommand(context: CommandContext): Promise<number> {
  const id = context.positionals[0];
  if (id === undefined) {
    throw new UsageError(
      context.lang === "zh" ? "缺少候选单位编号" : "the candidate id is missing",
    );
  }
  const format = (context.values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json") {
    throw new UsageError(`--format: table | json`);
  }
  const { results, warnings } = await scoreInputs(context, { explain: true });
  printIssues(warnings, context.lang, context.output);
  const result = findResult(results, id, String(context.values.candidates));
  if (format === "json") {
    const json = {
      id: result.candidate.id,
      name: result.candidate.name,
      unitType: result.candidate.unitType,
      highest: result.highest,
      levels: result.levels.map((score) => ({
        ...levelScoreToJson(score, context.lang),
        explanation: explanationToJson(explainScore(score, context.lang)),
      })),
    };
    context.output.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    context.output.out(explainText(result, context.lang, context.output.color));
  }
  return 0;
}
