import { aggregateScores } from "./aggregate-scores.ts";
import type { CompiledIndicator, CompiledRuleSet, CompiledValue } from "./compile-rule-set.ts";
import type { TableScorer } from "./compile-scorer.ts";
import { addYears, dateKey, yearsBetween } from "./dates.ts";
import type { Message } from "./issue.ts";
import { clampCents, formatCents, toCents } from "./points.ts";
import type { Cents } from "./points.ts";
import type { PreparedCandidate } from "./prepare-candidate.ts";
import type { Requirement, Validity, Veto } from "./rule-set.ts";
import { truthy } from "./operations.ts";
import { LEVEL_NAMES, UNIT_TYPE_NAMES } from "./vocabulary.ts";
import type { Level, UnitType } from "./vocabulary.ts";

/** A result's status, in the order in which they are decided. */
export type Status =
  | "incomplete"
  | "pending_panel"
  | "vetoed"
  | "precondition_failed"
  | "below_threshold"
  | "eligible";

/** How an indicator's points came about, for `explain`. */
export interface IndicatorTrace {
  /** the values it read: expression results, the panel's scores */
  readonly values: Readonly<Record<string, unknown>>;
  /** why, as lines for a person */
  readonly notes: readonly Message[];
  /** checklist items held, band hit, panel scores kept */
  readonly detail?: unknown;
  /** points before the clamp to [0, max], when the clamp changed them */
  readonly unclamped?: Cents;
}

export type IndicatorState = "scored" | "missing" | "pending";

/** One table's verdict on one candidate. */
export interface LevelScore {
  readonly level: Level;
  readonly compiled: CompiledRuleSet;
  readonly status: Status;
  readonly total: Cents;
  readonly base: Cents;
  readonly bonus: Cents;
  /** bonus points before the cap */
  readonly bonusUncapped: Cents;
  /** by category, in the table's order */
  readonly categories: readonly Cents[];
  /** by indicator, in the order of `compiled.indicators` */
  readonly indicators: readonly Cents[];
  readonly states: readonly IndicatorState[];
  readonly vetoes: readonly string[];
  readonly missing: readonly string[];
  readonly reasons: readonly Message[];
  readonly nearMiss: boolean;
  /** the unit type whose table scored it, when it has none of its own at this level */
  readonly scoredAs?: UnitType;
  /** per indicator, only when asked to explain */
  readonly traces?: readonly IndicatorTrace[];
}

export interface ScoreOptions {
  /** the assessment date, ISO */
  readonly on: string;
  /** how long titles of each level last, where the rules say so */
  readonly validity?: ReadonlyMap<Level, Validity>;
  /** vetoes the panel chair has raised for this candidate, by id */
  readonly raisedVetoes?: readonly string[];
  /** aggregated judged scores by indicator id, used instead of reviewers' scores (rule tests) */
  readonly panel?: Readonly<Record<string, number>>;
  readonly scoredAs?: UnitType;
  readonly explain?: boolean;
}

const EMPTY: readonly Message[] = [];
// results may share it: frozen, so that no one can add to another result's list
const NONE: readonly string[] = Object.freeze([]);

function toNumber(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

function dependsOnMissing(fields: ReadonlySet<string>, missing: readonly string[]): boolean {
  for (const name of missing) {
    if (fields.has(name)) {
      return true;
    }
  }
  return false;
}

/** Scores a prepared candidate on its table: computed values, indicators, vetoes, status. */
export function scoreCandidate(prepared: PreparedCandidate, options: ScoreOptions): LevelScore {
  const { scorer } = prepared.compiled;
  // the generated scorer reads typed, complete data; anything else takes the traced path, which
  // also throws for an assessment date that is no date, as the expressions' operations do
  if (
    scorer !== undefined &&
    prepared.isComplete &&
    options.explain !== true &&
    isDate(options.on)
  ) {
    return scoreCompiled(prepared, options, scorer);
  }
  return scoreTraced(prepared, options);
}

let lastDate = "";

function isDate(on: string): boolean {
  if (on === lastDate) {
    return true;
  }
  const isValid = typeof on === "string" && !Number.isNaN(dateKey(on));
  if (isValid) {
    lastDate = on;
  }
  return isValid;
}

function scoreCompiled(
  prepared: PreparedCandidate,
  options: ScoreOptions,
  scorer: TableScorer,
): LevelScore {
  const { compiled } = prepared;
  const { frame } = scorer;
  scorer.run(prepared.data, options.on, options.panel, prepared.scores, frame);
  let pending = NONE;
  if (frame.pending > 0) {
    pending = compiled.indicators
      .filter((_, i) => frame.states[i] === "pending")
      .map((entry) => entry.indicator.id);
  }
  const ruleVetoes = compiled.ruleSet.vetoes;
  // a list of its own, which callers iterate: a frozen shared one would slow their loops down
  const vetoes: string[] = [];
  for (let v = 0; v < ruleVetoes.length; v++) {
    const veto = ruleVetoes[v] as Veto;
    const holds =
      veto.when !== undefined
        ? frame.vetoes[v] === true
        : (options.raisedVetoes ?? NONE).includes(veto.id);
    if (holds) {
      vetoes.push(veto.id);
    }
  }
  const requires = compiled.ruleSet.award.requires;
  let failed = EMPTY;
  for (let r = 0; r < requires.length; r++) {
    const requirement = requires[r] as Requirement;
    const failure =
      requirement.kind === "when"
        ? frame.met[r] === true
          ? undefined
          : requirementFailure(requirement)
        : titleFailure(prepared, options, requirement.level, requirement.minYears);
    if (failure) {
      failed = failed === EMPTY ? [failure] : [...failed, failure];
    }
  }
  // nothing is missing from complete data: NONE spares reading prepared.missing from memory
  FOUND.missing = NONE;
  FOUND.indicators = frame.points.slice();
  FOUND.states = frame.pending === 0 ? scorer.allScored : frame.states.slice();
  FOUND.categories = frame.categories.slice();
  FOUND.base = frame.base;
  FOUND.bonusUncapped = frame.bonusUncapped;
  FOUND.vetoes = vetoes;
  FOUND.failed = failed;
  FOUND.pending = pending;
  return conclude(prepared, options, FOUND);
}

function scoreTraced(prepared: PreparedCandidate, options: ScoreOptions): LevelScore {
  const { compiled, missing } = prepared;
  const on = options.on;
  const data: Record<string, unknown> = { ...prepared.data, $on: on };
  const explain = options.explain === true;
  for (const { name, value } of compiled.computed) {
    data[name] = dependsOnMissing(value.fields, missing) ? null : value.run(data, on);
  }

  const count = compiled.indicators.length;
  const indicators: Cents[] = new Array<Cents>(count);
  const states: IndicatorState[] = new Array<IndicatorState>(count);
  const traces: IndicatorTrace[] | undefined = explain ? [] : undefined;
  const pending: string[] = [];
  for (let i = 0; i < count; i++) {
    const entry = compiled.indicators[i] as CompiledIndicator;
    const result = scoreIndicator(entry, prepared, data, on, options, explain);
    indicators[i] = result.points;
    states[i] = result.state;
    if (result.state === "pending") {
      pending.push(entry.indicator.id);
    }
    traces?.push(result.trace ?? { values: {}, notes: EMPTY });
  }

  const categories: Cents[] = compiled.categoryMax.map(() => 0);
  let bonusUncapped = 0;
  for (let i = 0; i < count; i++) {
    const c = (compiled.indicators[i] as CompiledIndicator).category;
    if (c < 0) {
      bonusUncapped += indicators[i] as Cents;
    } else {
      categories[c] = (categories[c] as Cents) + (indicators[i] as Cents);
    }
  }
  let base = 0;
  for (let c = 0; c < categories.length; c++) {
    categories[c] = clampCents(categories[c] as Cents, compiled.categoryMax[c] as Cents);
    base += categories[c] as Cents;
  }

  const vetoes: string[] = [];
  for (const { veto, when } of compiled.vetoes) {
    const holds = when
      ? truthy(when.run(data, on))
      : (options.raisedVetoes ?? []).includes(veto.id);
    if (holds) {
      vetoes.push(veto.id);
    }
  }

  const failed: Message[] = [];
  for (const { requirement, when } of compiled.requirements) {
    const failure =
      requirement.kind === "when"
        ? truthy((when as CompiledValue).run(data, on))
          ? undefined
          : requirementFailure(requirement)
        : titleFailure(prepared, options, requirement.level, requirement.minYears);
    if (failure) {
      failed.push(failure);
    }
  }
  return conclude(prepared, options, {
    missing,
    indicators,
    states,
    categories,
    base,
    bonusUncapped,
    vetoes,
    failed,
    pending,
    ...(traces && { traces }),
  });
}

// a failed `when` requirement always says the same: one frozen message per requirement
const requirementMessages = new WeakMap<Requirement, Message>();

function requirementFailure(requirement: Requirement & { kind: "when" }): Message {
  let message = requirementMessages.get(requirement);
  if (message === undefined) {
    message = Object.freeze({
      code: "reason.requirement",
      params: Object.freeze({ message: requirement.message }),
    });
    requirementMessages.set(requirement, message);
  }
  return message;
}

function titleFailure(
  prepared: PreparedCandidate,
  options: ScoreOptions,
  level: Level,
  minYears: number,
): Message | undefined {
  const validity = options.validity?.get(level) ?? prepared.compiled.ruleSet.validity;
  return checkTitle(prepared, level, minYears, validity.years, options.on);
}

/** What either path found, for the status and reasons that follow from it. */
interface Found {
  missing: readonly string[];
  indicators: Cents[];
  states: readonly IndicatorState[];
  categories: Cents[];
  base: Cents;
  bonusUncapped: Cents;
  vetoes: readonly string[];
  failed: readonly Message[];
  pending: readonly string[];
  traces?: IndicatorTrace[];
}

// what the compiled path found, overwritten by every call: conclude copies out what it keeps
const FOUND: Found = {
  missing: NONE,
  indicators: [],
  states: [],
  categories: [],
  base: 0,
  bonusUncapped: 0,
  vetoes: NONE,
  failed: EMPTY,
  pending: NONE,
};

// reasons are gathered here and copied out at their exact length
const REASONS: Message[] = [];

// totals repeat from candidate to candidate: format each number of hundredths once
const FORMATTED: string[] = [];
const FORMAT_CACHE_SIZE = 100_000;

function formatted(cents: Cents): string {
  if (Number.isInteger(cents) && cents >= 0 && cents < FORMAT_CACHE_SIZE) {
    return (FORMATTED[cents] ??= formatCents(cents));
  }
  return formatCents(cents);
}

function conclude(prepared: PreparedCandidate, options: ScoreOptions, found: Found): LevelScore {
  const { compiled } = prepared;
  const { ruleSet } = compiled;
  const { missing, base, bonusUncapped, vetoes, failed, pending } = found;
  const bonus = Math.min(bonusUncapped, compiled.bonusCap);
  const total = base + bonus;

  const reasons = REASONS;
  reasons.length = 0;
  const blocking =
    missing.length > 0 &&
    (ruleSet.missing === "block" || missing.some((name) => ruleSet.fields[name]?.required));
  if (missing.length > 0) {
    const labels = missing
      .map((name) => `${ruleSet.fields[name]?.label ?? name}(${name})`)
      .join("、");
    reasons.push({ code: "reason.missing", params: { fields: labels } });
  }
  if (pending.length > 0) {
    reasons.push({
      code: "reason.pending",
      params: { count: pending.length, ids: pending.join("、"), min: ruleSet.panel.minReviewers },
    });
  }
  for (const id of vetoes) {
    const veto = ruleSet.vetoes.find((v) => v.id === id);
    reasons.push({ code: "reason.veto", params: { title: veto?.title ?? id } });
  }
  reasons.push(...failed);
  const { threshold } = compiled;
  const isClose = total < threshold && threshold - total <= compiled.nearMiss;
  // a partial total is not yet below anything: only a complete one is measured against the threshold
  if (total < threshold && !blocking && pending.length === 0) {
    reasons.push({
      code: isClose ? "reason.near_miss" : "reason.below_threshold",
      params: {
        total: formatted(total),
        threshold: formatted(threshold),
        gap: formatted(threshold - total),
      },
    });
  }
  if (options.scoredAs) {
    reasons.push({
      code: "reason.fallback",
      params: {
        unitType: UNIT_TYPE_NAMES[prepared.candidate.unitType],
        table: UNIT_TYPE_NAMES[options.scoredAs],
        title: ruleSet.title,
      },
    });
  }

  const status: Status = blocking
    ? "incomplete"
    : pending.length > 0
      ? "pending_panel"
      : vetoes.length > 0
        ? "vetoed"
        : failed.length > 0
          ? "precondition_failed"
          : total < threshold
            ? "below_threshold"
            : "eligible";

  const score = {
    level: ruleSet.level,
    compiled,
    status,
    total,
    base,
    bonus,
    bonusUncapped,
    categories: found.categories,
    indicators: found.indicators,
    states: found.states,
    vetoes,
    missing: prepared.missing,
    reasons: reasons.slice(),
    // a near miss is worth a second look only when the threshold is all that stands in the way
    nearMiss: status === "below_threshold" && isClose,
  };
  // added only when there, as before; a literal of fixed keys is what V8 builds fastest
  if (!options.scoredAs && !found.traces) {
    return score;
  }
  return {
    ...score,
    ...(options.scoredAs && { scoredAs: options.scoredAs }),
    ...(found.traces && { traces: found.traces }),
  };
}

function checkTitle(
  prepared: PreparedCandidate,
  level: Level,
  minYears: number,
  validityYears: number,
  on: string,
): Message | undefined {
  const held = prepared.candidate.titles.filter((title) => title.level === level);
  const levelName = LEVEL_NAMES[level];
  const valid = held.filter(
    (title) => !title.revoked && title.awarded <= on && addYears(title.awarded, validityYears) > on,
  );
  if (valid.some((title) => yearsBetween(title.awarded, on) >= minYears)) {
    return undefined;
  }
  const latest = [...(valid.length > 0 ? valid : held)].sort((a, b) =>
    a.awarded < b.awarded ? 1 : -1,
  )[0];
  if (!latest) {
    return { code: "reason.title_none", params: { level: levelName, years: minYears } };
  }
  if (valid.length > 0) {
    return {
      code: "reason.title_too_recent",
      params: {
        level: levelName,
        awarded: latest.awarded,
        held: yearsBetween(latest.awarded, on),
        years: minYears,
      },
    };
  }
  if (latest.revoked) {
    return { code: "reason.title_revoked", params: { level: levelName, awarded: latest.awarded } };
  }
  return {
    code: "reason.title_expired",
    params: {
      level: levelName,
      awarded: latest.awarded,
      expired: addYears(latest.awarded, validityYears),
    },
  };
}

interface IndicatorResult {
  readonly points: Cents;
  readonly state: IndicatorState;
  readonly trace?: IndicatorTrace;
}

function scoreIndicator(
  entry: CompiledIndicator,
  prepared: PreparedCandidate,
  data: Record<string, unknown>,
  on: string,
  options: ScoreOptions,
  explain: boolean,
): IndicatorResult {
  const { indicator, max } = entry;
  const scoring = indicator.scoring;
  if (scoring.kind === "judged") {
    return scoreJudged(entry, prepared, options, explain);
  }
  const missing = prepared.missing;
  if (
    scoring.kind !== "checklist" &&
    missing.length > 0 &&
    dependsOnMissing(entry.fields, missing)
  ) {
    const fields = [...entry.fields].filter((name) => missing.includes(name));
    return {
      points: 0,
      state: "missing",
      ...(explain && {
        trace: {
          values: {},
          notes: [{ code: "explain.missing", params: { fields: fields.join("、") } }],
        },
      }),
    };
  }
  let raw: Cents;
  let values: Record<string, unknown> | undefined;
  let detail: unknown;
  let state: IndicatorState = "scored";
  switch (scoring.kind) {
    case "checklist": {
      raw = 0;
      const held: string[] = [];
      const itemValues: Record<string, unknown> = {};
      scoring.items.forEach((item, index) => {
        const part = entry.parts[index];
        const partFields = part ? part.fields : new Set(item.field ? [item.field] : []);
        if (missing.length > 0 && dependsOnMissing(partFields, missing)) {
          state = "missing";
          itemValues[item.id] = null;
          return;
        }
        const value = part ? part.run(data, on) : data[item.field as string];
        itemValues[item.id] = value;
        if (truthy(value)) {
          raw += toCents(item.points);
          held.push(item.id);
        }
      });
      values = itemValues;
      detail = { held };
      break;
    }
    case "count": {
      const value = (entry.value as CompiledValue).run(data, on);
      const n = toNumber(value);
      raw = Number.isFinite(n) ? toCents(n * scoring.each) : 0;
      values = { value };
      break;
    }
    case "bands": {
      const value = (entry.value as CompiledValue).run(data, on);
      const n = toNumber(value);
      raw = 0;
      let hit = -1;
      if (value !== null && value !== undefined && !Number.isNaN(n)) {
        let best = -Infinity;
        scoring.steps.forEach((step, index) => {
          if (step.min <= n && step.min > best) {
            best = step.min;
            hit = index;
          }
        });
      }
      if (hit >= 0) {
        raw = toCents((scoring.steps[hit] as { points: number }).points);
      }
      values = { value };
      detail = { band: hit };
      break;
    }
    case "linear": {
      const value = (entry.value as CompiledValue).run(data, on);
      const n = toNumber(value);
      raw =
        value === null || value === undefined || !Number.isFinite(n)
          ? 0
          : toCents((indicator.max * (n - scoring.zeroAt)) / (scoring.fullAt - scoring.zeroAt));
      values = { value };
      break;
    }
    case "deduct": {
      let deducted = 0;
      const counts: unknown[] = [];
      scoring.items.forEach((item, index) => {
        const value = (entry.parts[index] as CompiledValue).run(data, on);
        counts.push(value);
        const n = toNumber(value);
        if (Number.isFinite(n)) {
          deducted += toCents(item.each * n);
        }
      });
      raw = max - deducted;
      values = { counts };
      detail = { deducted };
      break;
    }
    case "points": {
      const value = (entry.value as CompiledValue).run(data, on);
      const n = toNumber(value);
      raw = value !== null && value !== undefined && Number.isFinite(n) ? toCents(n) : 0;
      values = { value };
      break;
    }
  }
  const points = clampCents(raw, max);
  if (!explain) {
    return { points, state };
  }
  return {
    points,
    state,
    trace: {
      values: values ?? {},
      notes: EMPTY,
      ...(detail !== undefined && { detail }),
      ...(points !== raw && { unclamped: raw }),
    },
  };
}

function scoreJudged(
  entry: CompiledIndicator,
  prepared: PreparedCandidate,
  options: ScoreOptions,
  explain: boolean,
): IndicatorResult {
  const id = entry.indicator.id;
  if (options.panel) {
    const given = options.panel[id];
    if (given === undefined) {
      return {
        points: 0,
        state: "pending",
        ...(explain && { trace: { values: {}, notes: EMPTY } }),
      };
    }
    const points = clampCents(toCents(given), entry.max);
    return {
      points,
      state: "scored",
      ...(explain && { trace: { values: { panel: given }, notes: EMPTY } }),
    };
  }
  const scores = prepared.scores.get(id);
  const aggregate = scores
    ? aggregateScores(scores.points, prepared.compiled.ruleSet.panel)
    : undefined;
  if (!aggregate) {
    return {
      points: 0,
      state: "pending",
      ...(explain && {
        trace: {
          values: { reviewers: scores?.reviewers.length ?? 0 },
          notes: EMPTY,
          detail: scores,
        },
      }),
    };
  }
  const points = clampCents(aggregate.points, entry.max);
  return {
    points,
    state: "scored",
    ...(explain && {
      trace: {
        values: {},
        notes: EMPTY,
        detail: { reviewers: scores?.reviewers, points: scores?.points, kept: aggregate.kept },
      },
    }),
  };
}
