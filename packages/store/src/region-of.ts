function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * The region a candidate counts in for quotas per region: its own `region` when the secretariat
 * gave one, else `data.region`, else its township (`data.township`, 所属乡镇(街道), which every
 * county table asks for), since a county's quotas per region are quotas per township.
 */
export function regionOf(candidate: {
  readonly region?: string;
  readonly township?: string;
  readonly data: Readonly<Record<string, unknown>>;
}): string | undefined {
  return (
    text(candidate.region) ??
    text(candidate.data.region) ??
    text(candidate.township) ??
    text(candidate.data.township)
  );
}
