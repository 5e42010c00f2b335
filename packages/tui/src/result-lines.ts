import { formatCents } from "@ceping/engine";
import type { Lang, LevelScore, UnitType } from "@ceping/engine";
import { joinLines, lazyLines, row, span } from "./lines.ts";
import type { Line, LineList } from "./lines.ts";
import type { LevelStanding, QuotaView, SessionView } from "./panel-session.ts";
import { levelName, say, TEXT, unitTypeName } from "./tui-text.ts";

function scopeText(quota: QuotaView["quota"], lang: Lang): string {
  const scope = quota.scope;
  return scope.kind === "level"
    ? say(TEXT.all, lang)
    : scope.kind === "unit_type"
      ? unitTypeName(scope.value, lang)
      : scope.value;
}

/**
 * The results of a level as lines: the quotas, the ranking of the eligible with their margin
 * over the threshold and their place against the quotas, the near misses, and the ties that
 * wait for the chair. The ranking and the near misses are made line by line as they are shown:
 * there may be thousands.
 */
export function resultLines(
  view: SessionView,
  standing: LevelStanding | undefined,
  level: string,
  unitType: UnitType | null,
  lang: Lang,
  width: number,
): { head: Line[]; body: LineList } {
  const t = (text: { zh: string; en: string }, params: Record<string, string | number> = {}) =>
    say(text, lang, params);
  const sep = lang === "zh" ? "、" : ", ";
  const byId = new Map<string, { name: string; type: UnitType; score: LevelScore }>();
  for (const result of view.results) {
    const score = result.levels.find((entry) => entry.level === level);
    if (score && (unitType === null || result.candidate.unitType === unitType)) {
      byId.set(result.candidate.id, {
        name: result.candidate.name,
        type: result.candidate.unitType,
        score,
      });
    }
  }
  const ranking = (standing?.ranking ?? []).filter((entry) => byId.has(entry.id));
  const near = [...byId].filter(([, entry]) => entry.score.nearMiss);
  const ties = (standing?.ties ?? []).filter((group) => group.some((id) => byId.has(id)));
  // the quotas that concern the candidates shown: all of them, or the unit type's
  const quotas = (standing?.quotas ?? []).filter(
    ({ quota }) =>
      unitType === null || quota.scope.kind !== "unit_type" || quota.scope.value === unitType,
  );
  const nameOf = (id: string) => `${id} ${byId.get(id)?.name ?? ""}`.trim();

  const head: Line[] = [
    [
      span(
        t(TEXT.resultsHead, {
          level: levelName(level, lang),
          type: unitType ? unitTypeName(unitType, lang) : t(TEXT.all),
          eligible: ranking.length,
          near: near.length,
          ties: ties.length,
        }),
        { bold: true },
      ),
    ],
  ];
  const top: Line[] = [];
  for (const outcome of quotas) {
    top.push([
      span(
        t(TEXT.quotaLine, {
          quota: outcome.quota.id,
          scope: scopeText(outcome.quota, lang),
          seats: outcome.quota.seats,
          admitted: outcome.admitted.length,
        }),
      ),
    ]);
    if (outcome.tiedAtCut) {
      top.push([
        span(
          t(TEXT.quotaTie, {
            candidates: outcome.tiedAtCut.candidates.join(sep),
            seats: outcome.tiedAtCut.seats,
          }),
          { color: "yellow" },
        ),
      ]);
    }
    if (outcome.unsettled.length > 0) {
      top.push([
        span(t(TEXT.quotaUnsettled, { candidates: outcome.unsettled.join(sep) }), { dim: true }),
      ]);
    }
  }
  if (quotas.length > 0) {
    top.push([]);
  }

  const nameWidth = Math.max(8, width - 2 - 5 - 8 - 8 - 7 - 7 - 10 - 7);
  top.push([
    span("  "),
    ...row([
      { text: t(TEXT.rank), width: 5, align: "right", bold: true },
      { text: t(TEXT.id), width: 8, bold: true },
      { text: t(TEXT.name), width: nameWidth, bold: true },
      { text: t(TEXT.unitType), width: 8, bold: true },
      { text: t(TEXT.total), width: 7, align: "right", bold: true },
      { text: t(TEXT.margin), width: 7, align: "right", bold: true },
      { text: t(TEXT.quota), width: 10, bold: true },
    ]),
  ]);
  if (ranking.length === 0) {
    top.push([span(`  ${t(TEXT.noneEligible)}`, { dim: true })]);
  }
  const admitted = new Set(quotas.flatMap((outcome) => outcome.admitted));
  const atCut = new Set(quotas.flatMap((outcome) => outcome.tiedAtCut?.candidates ?? []));
  const cutAfter = new Map(
    quotas
      .filter((outcome) => outcome.admitted.length > 0)
      .map((outcome) => [outcome.admitted[outcome.admitted.length - 1] as string, outcome]),
  );
  const inQuota = (type: UnitType) =>
    quotas.some(
      (outcome) => outcome.quota.scope.kind !== "unit_type" || outcome.quota.scope.value === type,
    );
  // the rank among the candidates shown: tied ones share the place of the first of them
  const shownRank: number[] = [];
  ranking.forEach((entry, index) => {
    const before = ranking[index - 1];
    shownRank.push(before?.rank === entry.rank ? (shownRank[index - 1] as number) : index + 1);
  });
  // each entry's line, and a cut line after the last one a quota admits
  const slots: { entry: number; cut?: QuotaView }[] = [];
  ranking.forEach((entry, index) => {
    slots.push({ entry: index });
    const quota = cutAfter.get(entry.id);
    if (quota) {
      slots.push({ entry: index, cut: quota });
    }
  });
  const rankingLines = lazyLines(slots.length, (index): Line => {
    const slot = slots[index] as { entry: number; cut?: QuotaView };
    if (slot.cut) {
      return [
        span(`  ${t(TEXT.cutLine, { quota: slot.cut.quota.id, seats: slot.cut.quota.seats })}`, {
          color: "cyan",
        }),
      ];
    }
    const entry = ranking[slot.entry] as (typeof ranking)[number];
    const found = byId.get(entry.id) as { name: string; type: UnitType; score: LevelScore };
    const rank = unitType === null ? entry.rank : (shownRank[slot.entry] as number);
    const threshold = Math.round(found.score.compiled.ruleSet.award.threshold * 100);
    const place = admitted.has(entry.id)
      ? { text: t(TEXT.admitted), color: "green" }
      : atCut.has(entry.id)
        ? { text: t(TEXT.tied), color: "yellow" }
        : inQuota(found.type)
          ? { text: t(TEXT.outOfQuota), dim: true }
          : { text: "" };
    return [
      span("  "),
      ...row([
        { text: `${rank}${entry.tied ? "=" : ""}`, width: 5, align: "right" },
        { text: entry.id, width: 8 },
        { text: found.name, width: nameWidth },
        { text: unitTypeName(found.type, lang), width: 8 },
        { text: formatCents(entry.total), width: 7, align: "right" },
        {
          text: `+${formatCents(entry.total - threshold)}`,
          width: 7,
          align: "right",
          color: "green",
        },
        { ...place, width: 10 },
      ]),
    ];
  });
  const nearLines = lazyLines(near.length === 0 ? 0 : near.length + 2, (index): Line => {
    if (index === 0) {
      return [];
    }
    if (index === 1) {
      return [span(t(TEXT.nearMisses), { bold: true })];
    }
    const [id, entry] = near[index - 2] as [string, { name: string; score: LevelScore }];
    const threshold = Math.round(entry.score.compiled.ruleSet.award.threshold * 100);
    return [
      span(
        `  ${t(TEXT.nearMissLine, {
          id,
          name: entry.name,
          total: formatCents(entry.score.total),
          gap: formatCents(threshold - entry.score.total),
        })}`,
        { color: "yellow" },
      ),
    ];
  });
  const tieLines: Line[] = [];
  if (ties.length > 0) {
    tieLines.push([], [span(t(TEXT.tiesOpen), { bold: true })]);
    const rankOf = new Map(ranking.map((entry) => [entry.id, entry.rank]));
    for (const group of ties) {
      tieLines.push([
        span(
          `  ${t(TEXT.tieLine, { rank: rankOf.get(group[0] as string) ?? "", candidates: group.map(nameOf).join(sep) })}`,
          { color: "yellow" },
        ),
      ]);
    }
  }
  return { head, body: joinLines(top, rankingLines, nearLines, tieLines) };
}
