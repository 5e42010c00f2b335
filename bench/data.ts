import type { Candidate } from "../packages/engine/src/index.ts";
import { ACTIVITY_KINDS, ASSESSMENT_DATE, INCIDENT_KINDS, JUDGED_MAXIMA } from "./rule-set.ts";
import type { ActivityKind, IncidentKind, JudgedId } from "./rule-set.ts";

export type ActivityRow = {
  date: string;
  kind: ActivityKind;
  participants: number;
  minority_participants: number;
};

export type IncidentRow = {
  date: string;
  kind: IncidentKind;
  resolved: boolean;
};

// a type alias, not an interface, so that it is a Record<string, unknown> where Candidate wants one
/** One township's data as the benchmark table reads it: the fields and lists of rule-set.ts. */
export type BenchData = {
  households: number;
  population: number;
  minority_population: number;
  ethnic_groups: number;
  area_type: "农区" | "牧区" | "城镇";
  villages: number;
  model_villages: number;
  leading_group_since: string;
  plan_date: string;
  has_leading_group: boolean;
  has_annual_plan: boolean;
  meeting_system: boolean;
  responsibility_system: boolean;
  screening_system: boolean;
  reporting_system: boolean;
  archive_keeper: "专职" | "兼职" | "无";
  archive_room: boolean;
  budget: number;
  cadres_tested: number;
  cadres_aware: number;
  cadres_total: number;
  minority_cadres: number;
  education_base: boolean;
  common_language_rate: number;
  star_households: number;
  school_age_children: number;
  enrolled_children: number;
  paired_households: number;
  volunteers: number;
  income_per_capita: number;
  income_growth: number;
  collective_income: number;
  medical_coverage: number;
  pension_coverage: number;
  relapse_households: number;
  disputes: number;
  disputes_resolved: number;
  legal_advisor: boolean;
  mediation_committee: boolean;
  emergency_plan: boolean;
  legal_lectures: number;
  floating_minority: number;
  floating_registered: number;
  grid_workers: number;
  bilingual_service: boolean;
  service_posts: number;
  surveyed: number;
  satisfied: number;
  higher_honors: number;
  media_reports: number;
  activities: ActivityRow[];
  incidents: IncidentRow[];
};

/** The panel's aggregated score of each judged indicator, on its 0.5 step. */
export type BenchPanel = Record<JudgedId, number>;

export interface BenchCandidate {
  readonly candidate: Candidate;
  /** the same object as `candidate.data`, typed */
  readonly data: BenchData;
  readonly panel: BenchPanel;
}

/** The seed every run uses, so that every process and every run sees the same candidates. */
export const SEED = 20261129;

/** The id of the candidate at an index: B000001 is the first. */
export function candidateId(index: number): string {
  return `B${String(index + 1).padStart(6, "0")}`;
}

/** mulberry32: a small, fast 32-bit PRNG, the same one the engine research used. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const ON_MS = Date.parse(`${ASSESSMENT_DATE}T00:00:00Z`);

function daysBefore(days: number): string {
  return new Date(ON_MS - days * DAY_MS).toISOString().slice(0, 10);
}

function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  let x = random();
  for (const [value, weight] of choices) {
    x -= weight;
    if (x < 0) {
      return value;
    }
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

// incidents are rare and mostly minor, so that vetoes hit a few percent of candidates
const INCIDENT_WEIGHTS: readonly (readonly [IncidentKind, number])[] = [
  [INCIDENT_KINDS[0], 0.05],
  [INCIDENT_KINDS[1], 0.3],
  [INCIDENT_KINDS[2], 0.1],
  [INCIDENT_KINDS[3], 0.15],
  [INCIDENT_KINDS[4], 0.4],
];

/**
 * Generates `count` township candidates deterministically: the same seed gives the same
 * candidates in every process. Values are plausible for a county township: ratios with three
 * decimals, dates within the five years before the assessment date, 0–12 activities, 0–2
 * incidents, and panel scores that follow one hidden quality per candidate.
 */
export function generateCandidates(count: number, seed = SEED): BenchCandidate[] {
  const random = mulberry32(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const decimal = (low: number, high: number, digits: number) =>
    Number((low + random() * (high - low)).toFixed(digits));
  const chance = (p: number) => random() < p;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  // a cube skews dates towards the assessment date: about 58% of rows fall in the last year
  const recentDate = () => daysBefore(Math.floor(random() ** 3 * 1826));

  const out: BenchCandidate[] = new Array<BenchCandidate>(count);
  for (let i = 0; i < count; i++) {
    // one hidden quality drives the booleans, the rates and the panel, so totals spread as in life
    const quality = 0.45 + 0.55 * Math.sqrt(random());
    const good = (p: number) => chance(p * (0.4 + 0.6 * quality));

    const households = int(800, 12_000);
    const population = Math.round(households * decimal(2.6, 4.2, 2));
    const share = random() ** 1.5 * 0.9;
    const minority = Math.round(population * share);
    const villages = int(5, 30);
    const cadresTested = int(20, 80);
    const cadresTotal = int(20, 150);
    const schoolAge = int(100, 2_500);
    const surveyed = int(100, 600);
    const floating = chance(0.2) ? 0 : int(1, 800);
    const disputes = int(0, 6);

    const activities: ActivityRow[] = [];
    const activityCount = Math.min(12, Math.floor(random() * 13 * (0.4 + quality)));
    for (let k = 0; k < activityCount; k++) {
      const participants = int(10, 300);
      activities.push({
        date: recentDate(),
        kind: pick(ACTIVITY_KINDS),
        participants,
        minority_participants: Math.round(participants * random() * Math.min(1, share * 1.5 + 0.1)),
      });
    }
    const incidents: IncidentRow[] = [];
    const incidentCount = weighted(random, [
      [0, 0.7],
      [1, 0.2],
      [2, 0.1],
    ]);
    for (let k = 0; k < incidentCount; k++) {
      incidents.push({
        date: daysBefore(int(0, 1825)),
        kind: weighted(random, INCIDENT_WEIGHTS),
        resolved: chance(0.7),
      });
    }

    const data: BenchData = {
      households,
      population,
      minority_population: minority,
      ethnic_groups: minority === 0 ? 1 : int(2, 14),
      area_type: pick(["农区", "牧区", "城镇"] as const),
      villages,
      model_villages: Math.floor(villages * random() * 0.8 * quality),
      leading_group_since: daysBefore(int(0, 18 * 365)),
      plan_date: daysBefore(int(0, 3 * 365)),
      has_leading_group: good(0.95),
      has_annual_plan: good(0.9),
      meeting_system: good(0.85),
      responsibility_system: good(0.8),
      screening_system: good(0.8),
      reporting_system: good(0.85),
      archive_keeper: weighted(random, [
        ["专职", 0.4],
        ["兼职", 0.4],
        ["无", 0.2],
      ] as const),
      archive_room: good(0.7),
      budget: decimal(0, 60, 1),
      cadres_tested: cadresTested,
      cadres_aware: Math.round(cadresTested * (0.5 + 0.5 * quality * random() ** 0.3)),
      cadres_total: cadresTotal,
      minority_cadres: Math.min(cadresTotal, Math.round(cadresTotal * share * (0.4 + random()))),
      education_base: good(0.6),
      common_language_rate: Math.min(1, decimal(0.65, 0.9, 3) + decimal(0, 0.15, 3) * quality),
      star_households: Math.round(households * random() * 0.3),
      school_age_children: schoolAge,
      enrolled_children: Math.round(schoolAge * (0.92 + 0.08 * quality)),
      paired_households: Math.round(households * random() * 0.6),
      volunteers: int(0, 40),
      income_per_capita: int(8_000, 32_000),
      income_growth: decimal(-0.03, 0.12, 3),
      collective_income: decimal(0, 120, 1),
      medical_coverage: decimal(0.85, 1, 3),
      pension_coverage: decimal(0.75, 1, 3),
      relapse_households: chance(0.7) ? 0 : int(1, 3),
      disputes,
      disputes_resolved:
        disputes === 0 || chance(0.7) ? disputes : disputes - int(1, Math.min(2, disputes)),
      legal_advisor: good(0.8),
      mediation_committee: good(0.9),
      emergency_plan: good(0.75),
      legal_lectures: int(0, 8),
      floating_minority: floating,
      floating_registered: Math.round(floating * (0.5 + 0.5 * random())),
      grid_workers: Math.round((households / 100) * (0.5 + random())),
      bilingual_service: good(0.6),
      service_posts: int(0, 40),
      surveyed,
      satisfied: Math.min(
        surveyed,
        Math.round(surveyed * (0.82 + 0.18 * Math.sqrt(random() * quality))),
      ),
      higher_honors: int(0, 3),
      media_reports: int(0, 5),
      activities,
      incidents,
    };

    const panel = {} as BenchPanel;
    for (const [id, max] of Object.entries(JUDGED_MAXIMA) as [JudgedId, number][]) {
      const points = Math.floor((max * (quality + (random() - 0.5) * 0.3)) / 0.5) * 0.5;
      panel[id] = Math.min(max, Math.max(0, points));
    }

    const id = candidateId(i);
    out[i] = {
      candidate: {
        id,
        name: `基准乡镇${id}`,
        unitType: "township",
        data,
        titles: [],
        scores: {},
        place: { file: "bench" },
      },
      data,
      panel,
    };
  }
  return out;
}
