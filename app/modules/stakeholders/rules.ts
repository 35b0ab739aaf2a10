/**
 * Salience rules: Mendelow's power × interest grid and the Mitchell–Agle–Wood classes. Pure, and
 * each has its SQL twin below; the register filters on the values stored with the latest
 * assessment, which these functions computed when it was written.
 */

export const CATEGORIES = [
  'government', 'regulator', 'funder', 'client-representation', 'works-council', 'partner', 'supplier',
  'community', 'field',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const TIERS = ['a', 'b', 'c'] as const;
export type Tier = (typeof TIERS)[number];

export const STAKEHOLDER_STATUSES = ['active', 'dormant', 'ended'] as const;

export const QUADRANTS = ['manage-closely', 'keep-satisfied', 'keep-informed', 'monitor'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const MITCHELL_CLASSES = [
  'definitive', 'dominant', 'dangerous', 'dependent', 'dormant', 'discretionary', 'demanding', 'none',
] as const;
export type MitchellClass = (typeof MITCHELL_CLASSES)[number];

/** The 1–5 scale of power and interest. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Mendelow "high" is 3 or more on the 1–5 scale (DESIGN.md). */
export const HIGH_FROM = 3;

export const isHigh = (score: number) => score >= HIGH_FROM;

export function mendelowQuadrant(power: number, interest: number): Quadrant {
  if (isHigh(power)) return isHigh(interest) ? 'manage-closely' : 'keep-satisfied';
  return isHigh(interest) ? 'keep-informed' : 'monitor';
}

/**
 * Mitchell, Agle & Wood (1997): power (high on the power scale), legitimacy and urgency. One
 * attribute: latent (dormant, discretionary, demanding); two: expectant (dominant, dangerous,
 * dependent); all three: definitive; none: not a stakeholder in their sense.
 */
export function mitchellClass(power: number, legitimacy: boolean, urgency: boolean): MitchellClass {
  const p = isHigh(power);
  if (p && legitimacy && urgency) return 'definitive';
  if (p && legitimacy) return 'dominant';
  if (p && urgency) return 'dangerous';
  if (legitimacy && urgency) return 'dependent';
  if (p) return 'dormant';
  if (legitimacy) return 'discretionary';
  if (urgency) return 'demanding';
  return 'none';
}

/** The salience values an assessment stores with itself (and on its stakeholder while it is the latest). */
export function salienceOf(input: { power: number; interest: number; legitimacy: boolean; urgency: boolean }) {
  return {
    quadrant: mendelowQuadrant(input.power, input.interest),
    mitchellClass: mitchellClass(input.power, input.legitimacy, input.urgency),
  };
}

// ---------------------------------------------------------------- SQL twins

/** `mendelowQuadrant` as a SQL expression over two integer columns (quoted names). */
export function quadrantSql(power: string, interest: string): string {
  return `CASE WHEN ${power} >= ${HIGH_FROM} AND ${interest} >= ${HIGH_FROM} THEN 'manage-closely'`
    + ` WHEN ${power} >= ${HIGH_FROM} THEN 'keep-satisfied'`
    + ` WHEN ${interest} >= ${HIGH_FROM} THEN 'keep-informed' ELSE 'monitor' END`;
}

/** `mitchellClass` as a SQL expression; legitimacy and urgency are boolean columns (0/1 on SQLite). */
export function mitchellClassSql(power: string, legitimacy: string, urgency: string): string {
  const p = `${power} >= ${HIGH_FROM}`;
  const l = `${legitimacy} = TRUE`;
  const u = `${urgency} = TRUE`;
  return `CASE WHEN ${p} AND ${l} AND ${u} THEN 'definitive'`
    + ` WHEN ${p} AND ${l} THEN 'dominant'`
    + ` WHEN ${p} AND ${u} THEN 'dangerous'`
    + ` WHEN ${l} AND ${u} THEN 'dependent'`
    + ` WHEN ${p} THEN 'dormant'`
    + ` WHEN ${l} THEN 'discretionary'`
    + ` WHEN ${u} THEN 'demanding' ELSE 'none' END`;
}

// ---------------------------------------------------------------- the map

export type MapPoint = { id: number; power: number; interest: number };

/**
 * Stakeholders with the same scores would hide each other on the map: spread each cell's points
 * on a small circle around its centre (offsets in score units, deterministic by id).
 */
export function spreadPoints<T extends MapPoint>(points: T[], radius = 0.22): (T & { x: number; y: number })[] {
  const cells = new Map<string, T[]>();
  for (const point of points) {
    const key = `${point.power}:${point.interest}`;
    cells.set(key, [...(cells.get(key) ?? []), point]);
  }
  const spread: (T & { x: number; y: number })[] = [];
  for (const cell of cells.values()) {
    const sorted = [...cell].sort((a, b) => a.id - b.id);
    sorted.forEach((point, index) => {
      if (sorted.length === 1) {
        spread.push({ ...point, x: point.interest, y: point.power });
        return;
      }
      const angle = (2 * Math.PI * index) / sorted.length;
      spread.push({ ...point, x: point.interest + radius * Math.cos(angle), y: point.power + radius * Math.sin(angle) });
    });
  }
  return spread;
}
