import type { Level, UnitType } from "@ceping/engine";
import { quotaId, regionOf } from "@ceping/store";
import type { QuotaScope, SessionView } from "./panel-session.ts";
import { levelName, say, TEXT, unitTypeName } from "./tui-text.ts";
import type { Ui } from "./ui-context.ts";

/** The regions (as the store counts them: `regionOf`) of the candidates scored at a level. */
function regionsAt(view: SessionView, level: Level): string[] {
  const regions = new Set<string>();
  for (const result of view.results) {
    const region = regionOf(result.candidate);
    if (region !== undefined && result.levels.some((score) => score.level === level)) {
      regions.add(region);
    }
  }
  return [...regions].sort();
}

/**
 * Asks the chair for a quota at a level: for the whole level, the unit type on show, or a region,
 * and how many seats; then sets it. A quota's id follows from its scope (`quotaId`), so setting
 * the same scope again replaces it.
 */
export function askQuota(
  ui: Ui,
  input: { readonly view: SessionView; readonly level: Level; readonly unitType: UnitType | null },
): void {
  const { lang, session } = ui;
  const setQuota = session.setQuota;
  if (!setQuota) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  const { view, level, unitType } = input;
  const existing = view.standings.find((standing) => standing.level === level)?.quotas ?? [];

  const askSeats = (scope: QuotaScope, scopeText: string) => {
    const id = quotaId(level, scope);
    const before = existing.find((outcome) => outcome.quota.id === id)?.quota.seats;
    ui.ask({
      kind: "text",
      label: say(TEXT.quotaSeatsAsk, lang, { scope: scopeText }),
      initial: before === undefined ? "" : String(before),
      onSubmit: (typed) => {
        const found = typed.trim();
        const seats = Number(found);
        if (!/^\d+$/.test(found) || seats < 1) {
          ui.notify(say(TEXT.seatsNotNumber, lang, { found }), "error");
          return;
        }
        ui.run(
          () => setQuota({ id, level, scope, seats }),
          () => ui.notify(say(TEXT.quotaSet, lang, { quota: id, seats }), "ok"),
        );
      },
    });
  };
  const askRegion = () => {
    const regions = regionsAt(view, level);
    const chosen = (region: string) => askSeats({ kind: "region", value: region }, region);
    if (regions.length > 0 && regions.length <= 9) {
      ui.ask({
        kind: "choice",
        label: say(TEXT.quotaRegionPick, lang),
        choices: regions.map((region, index) => ({ key: String(index + 1), label: region })),
        onChoose: (key) => {
          const region = regions[Number(key) - 1];
          if (region !== undefined) {
            chosen(region);
          }
        },
      });
    } else {
      // no region in the data (or too many to pick from): it is typed, and the store checks it
      ui.ask({
        kind: "text",
        label: say(TEXT.quotaRegionAsk, lang),
        onSubmit: (typed) => chosen(typed.trim()),
      });
    }
  };

  const whole = say(TEXT.quotaWholeOf, lang, { level: levelName(level, lang) });
  const scopes: { label: string; pick: () => void }[] = [
    {
      label: say(TEXT.quotaWholeLevel, lang),
      pick: () => askSeats({ kind: "level" }, whole),
    },
    ...(unitType === null
      ? []
      : [
          {
            label: unitTypeName(unitType, lang),
            pick: () =>
              askSeats({ kind: "unit_type", value: unitType }, unitTypeName(unitType, lang)),
          },
        ]),
    { label: say(TEXT.quotaRegion, lang), pick: askRegion },
  ];
  ui.ask({
    kind: "choice",
    label: say(TEXT.quotaScopeAsk, lang, { level: levelName(level, lang) }),
    choices: scopes.map((scope, index) => ({ key: String(index + 1), label: scope.label })),
    onChoose: (key) => scopes[Number(key) - 1]?.pick(),
  });
}
