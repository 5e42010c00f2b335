import type { CompiledRuleSet, Indicator, Lang } from "@ceping/engine";
import { paragraph, row, rowWithText, span } from "./lines.ts";
import type { Line } from "./lines.ts";
import { KIND_TEXT, levelName, say, TEXT, unitTypeName } from "./tui-text.ts";

function number(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** How an indicator gets its points, in words. */
export function methodText(indicator: Indicator, lang: Lang): string {
  const t = (text: { zh: string; en: string }, params: Record<string, string | number> = {}) =>
    say(text, lang, params);
  const sep = lang === "zh" ? "；" : "; ";
  const scoring = indicator.scoring;
  const kind = t(KIND_TEXT[scoring.kind] ?? { zh: scoring.kind, en: scoring.kind });
  const colon = lang === "zh" ? "：" : ": ";
  switch (scoring.kind) {
    case "judged":
      return t(TEXT.judgedStep, { step: number(scoring.step) });
    case "checklist":
      return `${kind}${colon}${scoring.items
        .map((item) => t(TEXT.checklistItem, { label: item.label, points: number(item.points) }))
        .join(sep)}`;
    case "count":
      return `${kind}${colon}${t(TEXT.countEach, { each: number(scoring.each) })}`;
    case "bands":
      return `${kind}${colon}${scoring.steps
        .map((step) => t(TEXT.bandStep, { min: number(step.min), points: number(step.points) }))
        .join(sep)}`;
    case "linear":
      return `${kind}${colon}${t(TEXT.linearLine, { zeroAt: number(scoring.zeroAt), fullAt: number(scoring.fullAt) })}`;
    case "deduct":
      return `${kind}${colon}${scoring.items
        .map((item) => t(TEXT.deductItem, { label: item.label, each: number(item.each) }))
        .join(sep)}`;
    case "points":
      return t(TEXT.pointsLine);
  }
}

/** A rule set as lines: what it is, then its indicator tree with points and methods. */
export function ruleLines(
  compiled: CompiledRuleSet,
  lang: Lang,
  width: number,
): { head: Line[]; body: Line[] } {
  const { ruleSet } = compiled;
  const t = (text: { zh: string; en: string }, params: Record<string, string | number> = {}) =>
    say(text, lang, params);
  const sep = lang === "zh" ? "、" : ", ";
  const colon = lang === "zh" ? "：" : ": ";
  const head: Line[] = [
    ...paragraph(
      t(TEXT.tableHead, {
        title: ruleSet.title,
        id: ruleSet.id,
        version: ruleSet.version,
        types: ruleSet.appliesTo.map((type) => unitTypeName(type, lang)).join(sep),
      }),
      width,
      0,
      { bold: true },
    ),
    [
      span(
        t(TEXT.scaleLine, {
          base: number(ruleSet.scale.base),
          bonus: number(ruleSet.scale.bonus),
          threshold: number(ruleSet.award.threshold),
          nearMiss: number(ruleSet.award.nearMiss),
        }),
      ),
    ],
  ];
  const body: Line[] = [];
  const requirements = ruleSet.award.requires.map((requirement) =>
    requirement.kind === "title"
      ? t(TEXT.requiresTitle, {
          level: levelName(requirement.level, lang),
          years: requirement.minYears,
        })
      : requirement.message,
  );
  if (requirements.length > 0) {
    body.push(
      ...paragraph(
        `${t(TEXT.requires)}${colon}${requirements.join(lang === "zh" ? "；" : "; ")}`,
        width,
      ),
    );
  }
  body.push(
    ...paragraph(
      t(TEXT.panelSettings, {
        aggregate: ruleSet.panel.aggregate,
        min: ruleSet.panel.minReviewers,
        trim: ruleSet.panel.trimFrom,
      }),
      width,
      0,
      { dim: true },
    ),
    [],
  );
  const titleWidth = Math.max(14, Math.min(30, Math.floor(width * 0.3)));
  body.push(
    row([
      { text: t(TEXT.indicator), width: titleWidth, bold: true },
      { text: t(TEXT.max), width: 6, align: "right", bold: true },
      { text: t(TEXT.methods), width: width - titleWidth - 8, bold: true },
    ]),
  );
  const indicatorLines = (indicators: readonly Indicator[]) => {
    for (const indicator of indicators) {
      body.push(
        ...rowWithText(
          [
            { text: `  ${indicator.title}`, width: titleWidth },
            { text: number(indicator.max), width: 6, align: "right" },
          ],
          methodText(indicator, lang),
          width,
        ),
      );
      const scoring = indicator.scoring;
      if (scoring.kind === "judged") {
        for (const band of scoring.rubric ?? []) {
          body.push(
            ...paragraph(`${band.label} ${number(band.points)}`, width, titleWidth + 8, {
              dim: true,
            }),
          );
        }
      }
      const more = [
        indicator.methods.length > 0 ? indicator.methods.join(sep) : "",
        indicator.hint ?? "",
      ].filter((part) => part !== "");
      if (more.length > 0) {
        body.push(
          ...paragraph(more.join(lang === "zh" ? "；" : "; "), width, titleWidth + 8, {
            dim: true,
          }),
        );
      }
    }
  };
  for (const category of ruleSet.categories) {
    body.push(
      row([
        { text: category.title, width: titleWidth, bold: true },
        { text: number(category.max), width: 6, align: "right", bold: true },
      ]),
    );
    indicatorLines(category.indicators);
  }
  if (ruleSet.bonus.length > 0) {
    body.push(
      row([
        { text: t(TEXT.bonusItems), width: titleWidth, bold: true },
        { text: number(ruleSet.scale.bonus), width: 6, align: "right", bold: true },
      ]),
    );
    indicatorLines(ruleSet.bonus);
  }
  if (ruleSet.vetoes.length > 0) {
    body.push([], [span(t(TEXT.vetoes), { bold: true })]);
    for (const veto of ruleSet.vetoes) {
      body.push([span(`  ${veto.title}${veto.raisedBy ? t(TEXT.vetoPanel) : ""}`)]);
    }
  }
  return { head, body };
}
