import type { Lang } from "./messages.ts";
import type { Status } from "./score-candidate.ts";

/** Status names as a panel reads them, in both languages: one list for the CLI, UI and workbooks. */
export const STATUS_NAMES: Readonly<Record<Status, Readonly<Record<Lang, string>>>> = {
  eligible: { zh: "达标", en: "eligible" },
  below_threshold: { zh: "未达标", en: "below threshold" },
  vetoed: { zh: "一票否决", en: "vetoed" },
  precondition_failed: { zh: "不符合申报条件", en: "precondition failed" },
  incomplete: { zh: "资料不全", en: "incomplete" },
  pending_panel: { zh: "待评审", en: "pending panel" },
};
