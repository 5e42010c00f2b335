import type { Message } from "./issue.ts";
import { formatMessage } from "./messages.ts";
import type { Lang } from "./messages.ts";
import { formatCents } from "./points.ts";
import type { Cents } from "./points.ts";
import type { IndicatorState, LevelScore } from "./score-candidate.ts";

/** One indicator of an explanation: its points and why, in words. */
export interface ExplainedIndicator {
  readonly id: string;
  readonly title: string;
  /** the category's id, or null for a bonus item */
  readonly category: string | null;
  readonly kind: string;
  readonly max: Cents;
  readonly points: Cents;
  readonly state: IndicatorState;
  readonly why: string;
}

/** A level's result explained: every indicator, category, cap and reason, in words. */
export interface Explanation {
  readonly indicators: readonly ExplainedIndicator[];
  readonly categories: readonly {
    id: string;
    title: string;
    max: Cents;
    points: Cents;
    sum: Cents;
  }[];
  readonly bonus: { readonly points: Cents; readonly uncapped: Cents; readonly cap: Cents };
  readonly vetoes: readonly { id: string; title: string; holds: boolean; raisedBy?: string }[];
  readonly reasons: readonly string[];
}

function show(value: unknown): string {
  if (typeof value === "number") {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  }
  if (value === null || value === undefined) {
    return "—";
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Explains a level score computed with `explain: true`. */
export function explainScore(score: LevelScore, lang: Lang = "zh"): Explanation {
  const { ruleSet, indicators } = score.compiled;
  const t = (message: Message) => formatMessage(message, lang);
  const explained = indicators.map((entry, index): ExplainedIndicator => {
    const { indicator } = entry;
    const points = score.indicators[index] ?? 0;
    const trace = score.traces?.[index];
    const scoring = indicator.scoring;
    const values = trace?.values ?? {};
    const detail = trace?.detail as Record<string, unknown> | undefined;
    const parts: string[] = trace?.notes.map(t) ?? [];
    const state = score.states[index] ?? "scored";
    if (state !== "missing" || scoring.kind === "checklist") {
      switch (scoring.kind) {
        case "judged": {
          if (values.panel !== undefined) {
            parts.push(t({ code: "explain.panel", params: { points: show(values.panel) } }));
          } else if (state === "pending") {
            const reviewers = (detail?.reviewers as string[] | undefined) ?? [];
            parts.push(
              t({
                code: "explain.pending",
                params: { count: reviewers.length, min: ruleSet.panel.minReviewers },
              }),
            );
          } else {
            const reviewers = (detail?.reviewers as string[] | undefined) ?? [];
            const scores = (detail?.points as Cents[] | undefined) ?? [];
            const kept = new Set((detail?.kept as number[] | undefined) ?? []);
            const list = reviewers
              .map((name, i) => `${name} ${formatCents(scores[i] ?? 0)}${kept.has(i) ? "" : "✗"}`)
              .join("、");
            parts.push(
              t({
                code: kept.size < reviewers.length ? "explain.judged_trimmed" : "explain.judged",
                params: {
                  scores: list,
                  aggregate: ruleSet.panel.aggregate,
                  points: formatCents(points),
                },
              }),
            );
          }
          break;
        }
        case "checklist": {
          const held = new Set((detail?.held as string[] | undefined) ?? []);
          const yes = scoring.items.filter((item) => held.has(item.id));
          const no = scoring.items.filter((item) => !held.has(item.id));
          parts.push(
            t({
              code: "explain.checklist",
              params: {
                held: yes.map((item) => `${item.label}(${item.points})`).join("、") || "—",
                notHeld: no.map((item) => item.label).join("、") || "—",
              },
            }),
          );
          break;
        }
        case "count":
          parts.push(
            t({ code: "explain.count", params: { value: show(values.value), each: scoring.each } }),
          );
          break;
        case "bands": {
          const band = detail?.band as number | undefined;
          const step = band !== undefined && band >= 0 ? scoring.steps[band] : undefined;
          parts.push(
            step
              ? t({
                  code: "explain.band",
                  params: { value: show(values.value), min: step.min, points: step.points },
                })
              : t({
                  code: "explain.band_none",
                  params: {
                    value: show(values.value),
                    min: scoring.steps[scoring.steps.length - 1]?.min ?? "—",
                  },
                }),
          );
          break;
        }
        case "linear":
          parts.push(
            t({
              code: "explain.linear",
              params: {
                max: indicator.max,
                value: show(values.value),
                zeroAt: scoring.zeroAt,
                fullAt: scoring.fullAt,
              },
            }),
          );
          break;
        case "deduct": {
          const counts = (values.counts as unknown[] | undefined) ?? [];
          const items = scoring.items
            .map((item, i) => `${item.label} ${show(counts[i])} × ${item.each}`)
            .join("；");
          parts.push(
            t({
              code: "explain.deduct",
              params: {
                items,
                max: indicator.max,
                deducted: formatCents((detail?.deducted as number | undefined) ?? 0),
              },
            }),
          );
          break;
        }
        case "points":
          parts.push(t({ code: "explain.points", params: { value: show(values.value) } }));
          break;
      }
    }
    if (trace?.unclamped !== undefined) {
      parts.push(
        t({
          code: "explain.clamped",
          params: { raw: formatCents(trace.unclamped), max: indicator.max },
        }),
      );
    }
    const category = entry.category >= 0 ? (ruleSet.categories[entry.category]?.id ?? null) : null;
    return {
      id: indicator.id,
      title: indicator.title,
      category,
      kind: scoring.kind,
      max: entry.max,
      points,
      state,
      why: parts.join("；"),
    };
  });
  const categories = ruleSet.categories.map((category, index) => ({
    id: category.id,
    title: category.title,
    max: score.compiled.categoryMax[index] ?? 0,
    points: score.categories[index] ?? 0,
    sum: explained
      .filter((item) => item.category === category.id)
      .reduce((sum, item) => sum + item.points, 0),
  }));
  return {
    indicators: explained,
    categories,
    bonus: {
      points: score.bonus,
      uncapped: score.bonusUncapped,
      cap: Math.round(ruleSet.scale.bonus * 100),
    },
    vetoes: ruleSet.vetoes.map((veto) => ({
      id: veto.id,
      title: veto.title,
      holds: score.vetoes.includes(veto.id),
      ...(veto.raisedBy && { raisedBy: veto.raisedBy }),
    })),
    reasons: score.reasons.map(t),
  };
}
