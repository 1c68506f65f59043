/**
 * The significant prefix of a 6-digit administrative division code: trailing "00" pairs dropped,
 * so 510000 (Sichuan) → "51", 510100 (Chengdu) → "5101", 510104 (Jinjiang district) → "510104".
 */
export function regionPrefix(code: string): string {
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/** True when a site in `siteRegion` lies within the region `code` (contract §6: 510100 reaches 5101xx). */
export function regionContains(code: string, siteRegion: string): boolean {
  return siteRegion.startsWith(regionPrefix(code));
}
