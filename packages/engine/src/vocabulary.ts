/** Levels of demonstration status, low to high. */
export const LEVELS = ["county", "prefecture", "province", "national"] as const;
export type Level = (typeof LEVELS)[number];

/** Unit types a candidate may have. */
export const UNIT_TYPES = [
  "village",
  "community",
  "township",
  "agency",
  "enterprise",
  "school",
  "religious_site",
  "military",
  "hospital",
  "scenic_area",
  "park",
  "social_org",
  "other",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Chinese names of the levels, as people write them. */
export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  county: "县级",
  prefecture: "州(市)级",
  province: "省(区)级",
  national: "国家级",
};

/** Chinese names of the unit types, as people write them. */
export const UNIT_TYPE_NAMES: Readonly<Record<UnitType, string>> = {
  village: "村",
  community: "社区",
  township: "乡镇(街道)",
  agency: "机关",
  enterprise: "企业",
  school: "学校",
  religious_site: "宗教活动场所",
  military: "军(警)营/连队",
  hospital: "医院",
  scenic_area: "景区",
  park: "园区",
  social_org: "社会组织",
  other: "其他单位",
};

const LEVEL_ALIASES: Readonly<Record<string, Level>> = {
  县: "county",
  县级: "county",
  "县(市、区)级": "county",
  州: "prefecture",
  市: "prefecture",
  州级: "prefecture",
  市级: "prefecture",
  "州(市)级": "prefecture",
  地区级: "prefecture",
  省: "province",
  省级: "province",
  区级: "province",
  自治区级: "province",
  "省(区)级": "province",
  国家: "national",
  国家级: "national",
  全国: "national",
};

const UNIT_TYPE_ALIASES: Readonly<Record<string, UnitType>> = {
  村: "village",
  行政村: "village",
  嘎查: "village",
  社区: "community",
  乡镇: "township",
  乡: "township",
  镇: "township",
  街道: "township",
  苏木: "township",
  "乡镇(街道)": "township",
  机关: "agency",
  企业: "enterprise",
  学校: "school",
  宗教活动场所: "religious_site",
  寺院: "religious_site",
  清真寺: "religious_site",
  教堂: "religious_site",
  "军(警)营": "military",
  "军(警)营/连队": "military",
  连队: "military",
  军营: "military",
  部队: "military",
  医院: "hospital",
  景区: "scenic_area",
  园区: "park",
  开发区: "park",
  社会组织: "social_org",
  其他: "other",
  其他单位: "other",
};

function normalizeName(text: string): string {
  return text.trim().replace(/（/g, "(").replace(/）/g, ")").replace(/\s+/g, "");
}

/** Reads a level from its id or a Chinese name; undefined when it is neither. */
export function parseLevel(text: string): Level | undefined {
  const name = normalizeName(text);
  if ((LEVELS as readonly string[]).includes(name)) {
    return name as Level;
  }
  return Object.hasOwn(LEVEL_ALIASES, name) ? LEVEL_ALIASES[name] : undefined;
}

/** Reads a unit type from its id or a Chinese name; undefined when it is neither. */
export function parseUnitType(text: string): UnitType | undefined {
  const name = normalizeName(text);
  if ((UNIT_TYPES as readonly string[]).includes(name)) {
    return name as UnitType;
  }
  return Object.hasOwn(UNIT_TYPE_ALIASES, name) ? UNIT_TYPE_ALIASES[name] : undefined;
}

/** Rank of a level on the ladder, 0 for county. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}
