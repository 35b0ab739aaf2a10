import { addDays, yearOf, type Day } from '~/utils/dates';

/**
 * What the demo's area files share while they write: "today" and the ids each step created, by
 * the short keys the data uses, so a later step (an engagement, an obligation, a statement) can
 * point at what an earlier one made.
 */
export type InstitutionKey = 'vecht' | 'lekstroom' | 'amstelhof';
export const INSTITUTION_KEYS: readonly InstitutionKey[] = ['vecht', 'lekstroom', 'amstelhof'];

/** Who does the work in an institution: its secretary and its manager (both may write). */
export type Staff = { secretary: number; manager: number };

export type InstitutionRefs = {
  id: number;
  staff: Staff;
  organisations: Map<string, number>;
  persons: Map<string, number>;
  positions: Map<string, number>;
  households: Map<string, number>;
  stakeholders: Map<string, number>;
  themes: Map<string, number>;
  interests: Map<string, number>;
  engagements: Map<string, number>;
  agreements: Map<string, number>;
  obligations: Map<string, number>;
};

export type DemoContext = {
  today: Day;
  /** This calendar year; "last year" is year - 1. */
  year: number;
  log: (line: string) => void;
  institutions: Record<InstitutionKey, InstitutionRefs>;
};

export function newRefs(id: number, staff: Staff): InstitutionRefs {
  return {
    id, staff, organisations: new Map(), persons: new Map(), positions: new Map(), households: new Map(), stakeholders: new Map(),
    themes: new Map(), interests: new Map(), engagements: new Map(), agreements: new Map(), obligations: new Map(),
  };
}

/** The id stored under `key`; a typo in the demo data fails loudly instead of linking nothing. */
export function ref(map: Map<string, number>, key: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo data: unknown reference "${key}"`);
  return id;
}

/** Days relative to today: `ago(30)`, `ahead(14)`. */
export const ago = (ctx: DemoContext, days: number): Day => addDays(ctx.today, -days);
export const ahead = (ctx: DemoContext, days: number): Day => addDays(ctx.today, days);

/** A calendar date in a year relative to this one: `on(ctx, -1, '06-30')` is 30 June last year. */
export function on(ctx: DemoContext, yearOffset: number, monthDay: string): Day {
  return `${String(ctx.year + yearOffset).padStart(4, '0')}-${monthDay}`;
}

export function contextFor(today: Day, log: (line: string) => void): Omit<DemoContext, 'institutions'> {
  return { today, year: yearOf(today), log };
}
