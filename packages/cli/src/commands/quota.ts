import { LEVEL_NAMES, parseUnitType, UNIT_TYPE_NAMES } from "@ceping/engine";
import type { Level, UnitType } from "@ceping/engine";
import type { QuotaScope } from "@ceping/store";
import { quotaId } from "@ceping/store";
import { say, TEXT } from "../cli-text.ts";
import { UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { required } from "../read-inputs.ts";
import { assessmentFile, recordAction } from "../record-action.ts";

/**
 * `ceping quota`: sets a quota of seats at a level, for the whole level, a unit type or a region;
 * its id follows from its scope unless --id names it, and a quota with the same id is replaced.
 */
export function quotaCommand(context: CommandContext): number {
  const file = assessmentFile(context);
  const actor = required(context, "as");
  const level = required(context, "level") as Level;
  const typed = required(context, "seats");
  if (!/^\d+$/.test(typed)) {
    throw new UsageError(
      context.lang === "zh"
        ? `--seats 应为整数，实为 ${typed}`
        : `--seats takes a whole number, not ${typed}`,
    );
  }
  const unitType = context.values["unit-type"] as string | undefined;
  const region = context.values.region as string | undefined;
  if (unitType !== undefined && region !== undefined) {
    throw new UsageError(
      context.lang === "zh"
        ? "--unit-type 与 --region 只能选一个"
        : "give --unit-type or --region, not both",
    );
  }
  // 村 or village alike; what is no unit type goes to the store as typed, which says so
  const scope: QuotaScope =
    unitType !== undefined
      ? { kind: "unit_type", value: (parseUnitType(unitType) ?? unitType) as UnitType }
      : region !== undefined
        ? { kind: "region", value: region }
        : { kind: "level" };
  const id = (context.values.id as string | undefined) ?? quotaId(level, scope);
  const seats = Number(typed);
  const zh = context.lang === "zh";
  const scopeText =
    scope.kind === "level"
      ? say(TEXT.quotaWholeLevel, context.lang)
      : scope.kind === "unit_type" && zh
        ? (UNIT_TYPE_NAMES[scope.value] ?? scope.value)
        : scope.value;
  return recordAction(
    context,
    file,
    (assessment) => assessment.setQuota({ actor, id, level, scope, seats }),
    (hash) =>
      say(TEXT.quotaSet, context.lang, {
        level: zh ? (LEVEL_NAMES[level] ?? level) : level,
        id,
        scope: scopeText,
        seats,
        hash,
      }),
  );
}
