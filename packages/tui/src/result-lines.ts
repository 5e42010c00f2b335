import { formatCents } from "@ceping/engine";
import type { Lang, Level, UnitType } from "@ceping/engine";
import { levelRows, rowsById } from "./candidate-rows.ts";
import type { CandidateRow } from "./candidate-rows.ts";
import { joinLines, lazyLines, row, span } from "./lines.ts";
import type { Line, LineList } from "./lines.ts";
import type { LevelStanding, QuotaView, SessionView } from "./panel-session.ts";
import { levelName, say, TEXT, unitTypeName, unitTypeShort } from "./tui-text.ts";

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
 * wait for the chair. The ranking, the near misses and the ties are made line by line as they
 * are shown: there may be thousands.
 */
export function resultLines(
  view: SessionView,
  standing: LevelStanding | undefined,
  level: Level,
  unitType: UnitType | null,
  lang: Lang,
  width: number,
): { head: Line[]; body: LineList } {
  const t = (text: { zh: string; en: string }, params: Record<string, string | number> = {}) =>
    say(text, lang, params);
  const sep = lang === "zh" ? "、" : ", ";
  // the rows the list made of the level (kept per view): thousands, so no map of them per call
  const rows = levelRows(view, level);
  const byId = rowsById(rows);
  const shown = (id: string): CandidateRow | undefined => {
    const found = byId.get(id);
    return found && (unitType === null || found.result.candidate.unitType === unitType)
      ? found
      : undefined;
  };
  const ranking = (standing?.ranking ?? []).filter((entry) => shown(entry.id) !== undefined);
  const near = rows.filter(
    (entry) =>
      entry.score.nearMiss && (unitType === null || entry.result.candidate.unitType === unitType),
  );
  const ties = (standing?.ties ?? []).filter((group) =>
    group.some((id) => shown(id) !== undefined),
  );
  // the quotas that concern the candidates shown: all of them, or the unit type's
  const quotas = (standing?.quotas ?? []).filter(
    ({ quota }) =>
      unitType === null || quota.scope.kind !== "unit_type" || quota.scope.value === unitType,
  );
  const nameOf = (id: string) => `${id} ${shown(id)?.result.candidate.name ?? ""}`.trim();

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
    const found = shown(entry.id) as CandidateRow;
    const { name, unitType: type } = found.result.candidate;
    const rank = unitType === null ? entry.rank : (shownRank[slot.entry] as number);
    const threshold = Math.round(found.score.compiled.ruleSet.award.threshold * 100);
    const place = admitted.has(entry.id)
      ? { text: t(TEXT.admitted), color: "green" }
      : atCut.has(entry.id)
        ? { text: t(TEXT.tied), color: "yellow" }
        : inQuota(type)
          ? { text: t(TEXT.outOfQuota), dim: true }
          : { text: "" };
    return [
      span("  "),
      ...row([
        { text: `${rank}${entry.tied ? "=" : ""}`, width: 5, align: "right" },
        { text: entry.id, width: 8 },
        { text: name, width: nameWidth },
        { text: unitTypeShort(type, lang), width: 8 },
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
    const entry = near[index - 2] as CandidateRow;
    const { id, name } = entry.result.candidate;
    const threshold = Math.round(entry.score.compiled.ruleSet.award.threshold * 100);
    return [
      span(
        `  ${t(TEXT.nearMissLine, {
          id,
          name,
          total: formatCents(entry.score.total),
          gap: formatCents(threshold - entry.score.total),
        })}`,
        { color: "yellow" },
      ),
    ];
  });
  let rankOf: Map<string, number> | undefined;
  const tieLines = lazyLines(ties.length === 0 ? 0 : ties.length + 2, (index): Line => {
    if (index === 0) {
      return [];
    }
    if (index === 1) {
      return [span(t(TEXT.tiesOpen), { bold: true })];
    }
    const group = ties[index - 2] as readonly string[];
    rankOf ??= new Map(ranking.map((entry) => [entry.id, entry.rank]));
    return [
      span(
        `  ${t(TEXT.tieLine, { rank: rankOf.get(group[0] as string) ?? "", candidates: group.map(nameOf).join(sep) })}`,
        { color: "yellow" },
      ),
    ];
  });
  return { head, body: joinLines(top, rankingLines, nearLines, tieLines) };
}
