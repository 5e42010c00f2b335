import { explainScore, formatCents } from "@ceping/engine";
import type { CandidateScore, Lang, LevelScore } from "@ceping/engine";
import { paragraph, row, rowWithText, span } from "./lines.ts";
import type { Line } from "./lines.ts";
import { widthOf } from "./text-width.ts";
import { bar, STATUS_COLOR } from "./theme.ts";
import { levelName, say, STATUS_SHORT, STATUS_TEXT, TEXT, unitTypeName } from "./tui-text.ts";

/** A candidate's screen as lines: a head that stays, and a body that scrolls. */
export interface CandidateLines {
  readonly head: readonly Line[];
  readonly body: readonly Line[];
}

const STATE_COLOR = { scored: undefined, pending: "cyan", missing: "yellow" } as const;

/**
 * One candidate at one level, every number explained: the total and status, the ladder of
 * levels, the reasons, each category with a bar, each indicator with how its points were
 * reached, the vetoes and the missing data.
 */
export function candidateLines(
  result: CandidateScore,
  score: LevelScore,
  lang: Lang,
  width: number,
): CandidateLines {
  const { candidate } = result;
  const { ruleSet } = score.compiled;
  const t = (text: { zh: string; en: string }, params: Record<string, string | number> = {}) =>
    say(text, lang, params);
  const explanation = explainScore(score, lang);

  const title = t(TEXT.titleLine, {
    name: candidate.name,
    id: candidate.id,
    type: unitTypeName(candidate.unitType, lang),
  });
  const highest = t(TEXT.highest, {
    level: result.highest ? levelName(result.highest, lang) : t(TEXT.none),
  });
  const head: Line[] = [
    [
      span(title, { bold: true }),
      span(" ".repeat(Math.max(1, width - widthOf(title) - widthOf(highest)))),
      span(highest, result.highest ? { color: "green" } : { dim: true }),
    ],
    [
      span(
        t(TEXT.tableLine, {
          level: `◂ ${levelName(score.level, lang)} ▸`,
          title: ruleSet.title,
          ruleset: ruleSet.id,
          version: ruleSet.version,
        }),
      ),
    ],
    [
      span(
        `${t(TEXT.totalLine, {
          total: formatCents(score.total),
          base: formatCents(score.base),
          bonus: formatCents(score.bonus),
        })}  ${t(TEXT.status)} `,
      ),
      span(t(STATUS_TEXT[score.status]), { bold: true, color: STATUS_COLOR[score.status] }),
      span(
        score.nearMiss
          ? lang === "zh"
            ? `（${t(TEXT.nearMiss)}）`
            : ` (${t(TEXT.nearMiss)})`
          : "",
      ),
    ],
  ];
  const ladder = result.levels
    .map((entry) => {
      const text = `${levelName(entry.level, lang)} ${t(STATUS_SHORT[entry.status])} ${formatCents(entry.total)}`;
      return entry.level === score.level ? `[${text}]` : text;
    })
    .join(" | ");
  head.push(...paragraph(`${t(TEXT.ladder)} ${ladder}`, width));

  const body: Line[] = [];
  body.push([span(t(TEXT.reasons), { bold: true })]);
  if (explanation.reasons.length === 0) {
    body.push([span(`  ${t(TEXT.noReasons)}`, { dim: true })]);
  }
  for (const reason of explanation.reasons) {
    const lines = paragraph(reason, width, 4);
    const first = lines[0]?.[0]?.text ?? "";
    body.push([span(`  - ${first.slice(4)}`)], ...lines.slice(1));
  }
  if (score.scoredAs) {
    body.push([
      span(t(TEXT.scoredAs, { type: unitTypeName(score.scoredAs, lang) }), { dim: true }),
    ]);
  }
  body.push([]);

  const titleWidth = Math.max(14, Math.min(30, Math.floor(width * 0.3)));
  const whyWidth = width - titleWidth - 15;
  body.push(
    row([
      { text: t(TEXT.indicator), width: titleWidth, bold: true },
      { text: t(TEXT.max), width: 6, align: "right", bold: true },
      { text: t(TEXT.points), width: 6, align: "right", bold: true },
      { text: t(TEXT.why), width: whyWidth, bold: true },
    ]),
  );
  const barWidth = Math.max(0, Math.min(20, whyWidth));
  const indicatorLines = (category: string | null) => {
    for (const item of explanation.indicators.filter((entry) => entry.category === category)) {
      body.push(
        ...rowWithText(
          [
            { text: `  ${item.title}`, width: titleWidth },
            { text: formatCents(item.max), width: 6, align: "right" },
            {
              text: formatCents(item.points),
              width: 6,
              align: "right",
              ...(STATE_COLOR[item.state] && { color: STATE_COLOR[item.state] }),
            },
          ],
          item.why,
          width,
          { dim: true },
        ),
      );
    }
  };
  for (const category of explanation.categories) {
    const capped = category.sum !== category.points;
    body.push([
      ...row([
        { text: category.title, width: titleWidth, bold: true },
        { text: formatCents(category.max), width: 6, align: "right", bold: true },
        { text: formatCents(category.points), width: 6, align: "right", bold: true },
      ]),
      span(" "),
      span(bar(category.points, category.max, barWidth), { color: "cyan" }),
      span(
        capped
          ? ` ${t(TEXT.categoryCap, { sum: formatCents(category.sum), points: formatCents(category.points) })}`
          : "",
        { dim: true },
      ),
    ]);
    indicatorLines(category.id);
  }
  if (explanation.indicators.some((entry) => entry.category === null)) {
    const { bonus } = explanation;
    body.push(
      ...rowWithText(
        [
          { text: t(TEXT.bonusItems), width: titleWidth, bold: true },
          { text: formatCents(bonus.cap), width: 6, align: "right", bold: true },
          { text: formatCents(bonus.points), width: 6, align: "right", bold: true },
        ],
        t(TEXT.bonusCap, {
          uncapped: formatCents(bonus.uncapped),
          cap: formatCents(bonus.cap),
          points: formatCents(bonus.points),
        }),
        width,
        { dim: true },
      ),
    );
    indicatorLines(null);
  }
  if (explanation.vetoes.length > 0) {
    body.push([], [span(t(TEXT.vetoes), { bold: true })]);
    for (const veto of explanation.vetoes) {
      body.push([
        span(`  ${veto.title}${veto.raisedBy ? t(TEXT.vetoPanel) : ""}  `),
        veto.holds
          ? span(t(TEXT.vetoHolds), { bold: true, color: "red" })
          : span(t(TEXT.vetoClear), { dim: true }),
      ]);
    }
  }
  if (score.missing.length > 0) {
    body.push([], [span(t(TEXT.missing), { bold: true })]);
    const fields = score.missing
      .map((name) => {
        const label = ruleSet.fields[name]?.label ?? name;
        return lang === "zh" ? `${label}（${name}）` : `${label} (${name})`;
      })
      .join(lang === "zh" ? "、" : ", ");
    body.push(...paragraph(fields, width, 2, { color: "yellow" }));
  }
  return { head, body };
}
