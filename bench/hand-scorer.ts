import type { BenchData, BenchPanel } from "./data.ts";

/** What every approach gives back per candidate: the total in hundredths and the veto bits. */
export interface Verdict {
  readonly total: number;
  /** bit i set when VETO_IDS[i] holds */
  readonly vetoes: number;
}

// x·100 can land a hair below a tie the author wrote (1.005·100 = 100.49999999999999); the
// epsilon is far below the gap between any two values this table computes from its integers
const TIE = 1e-9;

/** Half up (away from zero) to hundredths, in hundredths: the spec's rounding of points. */
function cents(points: number): number {
  const scaled = points * 100;
  return scaled >= 0 ? Math.floor(scaled + 0.5 + TIE) : -Math.floor(-scaled + 0.5 + TIE);
}

function round(value: number, scale: number): number {
  const scaled = value * scale;
  const rounded = scaled >= 0 ? Math.floor(scaled + 0.5 + TIE) : -Math.floor(-scaled + 0.5 + TIE);
  return rounded / scale;
}

function clamp(value: number, max: number): number {
  return value < 0 ? 0 : value > max ? max : value;
}

function linear(value: number, max: number, zeroAt: number, fullAt: number): number {
  return cents((max * (value - zeroAt)) / (fullAt - zeroAt));
}

function monthDay(date: string): number {
  return Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** The day `years` years before `on`, as text: ISO dates compare as text. */
function yearsBefore(on: string, years: number): string {
  return `${String(Number(on.slice(0, 4)) - years).padStart(4, "0")}${on.slice(4)}`;
}

/**
 * The benchmark table of rule-set.ts written out by hand for one assessment date: one pass over
 * each list, plain arithmetic, integer hundredths. `on` must not be 29 February, where
 * "n years before" needs the spec's 1 March rule.
 */
export function createHandScorer(on: string): (data: BenchData, panel: BenchPanel) => Verdict {
  const onYear = Number(on.slice(0, 4));
  const onMonthDay = monthDay(on);
  // within_years(date, n): after the same day n years before `on`, and not after `on`
  const after1 = yearsBefore(on, 1);
  const after2 = yearsBefore(on, 2);
  const after3 = yearsBefore(on, 3);

  return (d, panel) => {
    let publicity = 0;
    let training = 0;
    let exchange = 0;
    let learning = 0;
    let outreach = false;
    let kinds = 0;
    let recentParticipants = 0;
    let recentMinority = 0;
    let participants = 0;
    for (const a of d.activities) {
      participants += a.participants;
      if (a.kind === "宣讲" && a.participants >= 100) {
        outreach = true;
      }
      if (a.date > on) {
        continue;
      }
      if (a.kind === "宣讲" && a.date > after2) {
        learning++;
      }
      if (a.date <= after1) {
        continue;
      }
      recentParticipants += a.participants;
      recentMinority += a.minority_participants;
      switch (a.kind) {
        case "宣讲":
          publicity++;
          kinds |= 1;
          break;
        case "培训":
          publicity++;
          kinds |= 16;
          if (a.participants >= 30) {
            training++;
          }
          break;
        case "联谊":
          exchange++;
          kinds |= 2;
          break;
        case "文体":
          exchange++;
          kinds |= 4;
          break;
        case "结对":
          exchange++;
          kinds |= 8;
          break;
      }
    }

    let petitions = 0;
    let massIncident = false;
    let orderFailed = false;
    let crimes2 = 0;
    let openCrime = false;
    let others = 0;
    let recentIncident = false;
    let allResolved = d.incidents.length > 0;
    for (const e of d.incidents) {
      if (!e.resolved) {
        allResolved = false;
      }
      if (e.date > on || e.date <= after3) {
        continue;
      }
      const lastYear = e.date > after1;
      recentIncident ||= lastYear;
      switch (e.kind) {
        case "民族因素群体性事件":
          massIncident = true;
          break;
        case "越级上访":
          petitions += lastYear ? 1 : 0;
          break;
        case "综治考核不达标":
          orderFailed ||= lastYear;
          break;
        case "刑事案件":
          crimes2 += e.date > after2 ? 1 : 0;
          openCrime ||= lastYear && !e.resolved;
          break;
        case "其他":
          others += lastYear ? 1 : 0;
          break;
      }
    }

    const minorityShare = d.minority_population / d.population;
    const awareness = d.cadres_aware / d.cadres_tested;
    const cadreShare = d.minority_cadres / d.cadres_total;
    const satisfaction = d.satisfied / d.surveyed;
    const pairing = d.paired_households / d.households;
    const enrollment = d.enrolled_children / d.school_age_children;
    const insurance = round((d.medical_coverage + d.pension_coverage) / 2, 1e4);
    const unresolved = Math.max(0, d.disputes - d.disputes_resolved);
    const budgetPerHousehold = round((d.budget * 10000) / d.households, 100);
    const since = d.leading_group_since;
    const groupYears = onYear - Number(since.slice(0, 4)) - (monthDay(since) > onMonthDay ? 1 : 0);

    let leadership = clamp(cents(panel.leading_group), 300);
    leadership +=
      (d.has_leading_group && d.has_annual_plan ? 150 : 0) +
      (d.meeting_system ? 100 : 0) +
      (d.responsibility_system ? 100 : 0) +
      (d.screening_system ? 100 : 0) +
      (d.reporting_system ? 50 : 0) +
      (d.archive_keeper !== "无" ? 100 : 0);
    leadership += groupYears >= 5 ? 200 : groupYears >= 3 ? 150 : groupYears >= 1 ? 100 : 0;
    const plan = d.plan_date;
    leadership += plan > on ? 0 : plan > after1 ? 200 : plan > after2 ? 100 : 0;
    leadership += clamp(linear(awareness, 2, 0.6, 0.95), 200);
    leadership += budgetPerHousehold >= 50 ? 200 : budgetPerHousehold >= 20 ? 100 : 0;
    leadership += clamp(cents(training * 0.5), 100);

    let education = clamp(cents(panel.ideology_education), 400);
    education += clamp(cents(publicity * 0.5), 300);
    education += (d.education_base ? 100 : 0) + (d.archive_room ? 50 : 0) + (outreach ? 50 : 0);
    education += clamp(linear(d.common_language_rate, 2, 0.7, 0.98), 200);
    education += clamp(cents((d.star_households / d.households) * 5), 100);
    education += enrollment >= 0.99 ? 200 : enrollment >= 0.97 ? 150 : enrollment >= 0.95 ? 100 : 0;
    education += clamp(cents(Math.min(1, (recentParticipants / d.population) * 20)), 100);
    education += clamp(cents(learning * 0.2), 100);

    let exchangeTotal = clamp(cents(panel.embedded_living), 300);
    exchangeTotal += clamp(cents(exchange * 0.5), 300);
    exchangeTotal += clamp(linear(pairing, 3, 0.1, 0.5), 300);
    if (recentParticipants !== 0) {
      const share = recentMinority / recentParticipants;
      exchangeTotal += share >= 0.3 ? 200 : share >= 0.15 ? 100 : 0;
    }
    exchangeTotal += d.ethnic_groups >= 5 ? 100 : d.ethnic_groups >= 3 ? 50 : 0;
    let kindsHeld = 0;
    for (let bits = kinds; bits !== 0; bits &= bits - 1) {
      kindsHeld++;
    }
    exchangeTotal += clamp(cents(kindsHeld * 0.4), 200);
    exchangeTotal += clamp(cents(d.volunteers * 0.05), 100);
    const urban = d.area_type === "城镇";
    exchangeTotal += (urban && minorityShare >= 0.2) || (!urban && pairing >= 0.2) ? 100 : 50;

    let development =
      d.income_per_capita >= 20000
        ? 300
        : d.income_per_capita >= 15000
          ? 200
          : d.income_per_capita >= 10000
            ? 100
            : 0;
    development += clamp(linear(d.income_growth, 2, 0, 0.08), 200);
    development += clamp(cents(Math.min(2, d.collective_income / 25)), 200);
    development += clamp(linear(d.model_villages / d.villages, 2, 0, 0.6), 200);
    development += clamp(linear(insurance, 2, 0.85, 0.98), 200);
    development += clamp(cents(panel.development_projects), 200);
    development += clamp(100 - cents(0.5 * d.relapse_households), 100);

    let governance = clamp(300 - cents(unresolved) - cents(petitions), 300);
    governance += massIncident ? 0 : 300;
    governance +=
      (d.legal_advisor ? 50 : 0) +
      (d.mediation_committee ? 50 : 0) +
      (d.emergency_plan ? 50 : 0) +
      (d.legal_lectures >= 4 ? 50 : 0);
    governance += clamp(cents(d.legal_lectures * 0.25), 100);
    governance += clamp(200 - cents(crimes2) - cents(0.5 * others), 200);
    governance += clamp(cents(panel.lawful_governance), 200);
    governance +=
      d.screening_system && d.emergency_plan
        ? 100
        : d.screening_system || d.emergency_plan
          ? 50
          : 0;

    let services: number;
    if (d.floating_minority === 0) {
      services = 300;
    } else {
      const rate = d.floating_registered / d.floating_minority;
      services = rate >= 0.95 ? 300 : rate >= 0.8 ? 200 : rate >= 0.6 ? 100 : 0;
    }
    services += clamp(cents(Math.min(2, (d.grid_workers / d.households) * 200)), 200);
    services += (d.bilingual_service ? 100 : 0) + (d.service_posts >= d.villages ? 100 : 0);
    services += clamp(cents(panel.service_quality), 200);
    services += clamp(cents(d.service_posts * 0.05), 100);

    let outcomes =
      satisfaction >= 0.95 ? 500 : satisfaction >= 0.9 ? 350 : satisfaction >= 0.85 ? 200 : 0;
    outcomes += clamp(cents(panel.public_recognition), 200);
    outcomes += !recentIncident ? 200 : allResolved ? 100 : 0;
    outcomes += clamp(
      cents(Math.min(1.5, participants / (Math.max(1, d.activities.length) * 100))),
      150,
    );
    outcomes += clamp(
      cents(Math.min(1.5, round(1.5 * (cadreShare / Math.max(minorityShare, 0.05)), 10))),
      150,
    );

    const base =
      clamp(leadership, 1800) +
      clamp(education, 1600) +
      clamp(exchangeTotal, 1600) +
      clamp(development, 1400) +
      clamp(governance, 1400) +
      clamp(services, 1000) +
      clamp(outcomes, 1200);
    const bonus =
      clamp(cents(panel.innovation), 300) +
      clamp(cents(d.higher_honors), 200) +
      clamp(cents(d.media_reports * 0.5), 200);
    const vetoes = (massIncident ? 1 : 0) | (orderFailed ? 2 : 0) | (openCrime ? 4 : 0);
    return { total: base + Math.min(bonus, 500), vetoes };
  };
}
