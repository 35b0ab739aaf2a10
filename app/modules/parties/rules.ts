/**
 * Pure rules for the party directory: Dutch name normalisation, duplicate matching, postcodes,
 * phone numbers and display names. No I/O: the queries load candidates, these rules judge them.
 */

// Words that open a Dutch (or Flemish, French, German) family name without being its core:
// `van der`, `v.d.`, `vd`, `ten`, `ter`, `'t`, `d'`… Matching ignores them, so `v.d. Berg`,
// `van den Berg` and a forgotten tussenvoegsel (`Berg`) all reduce to `berg`.
const TUSSENVOEGSEL_WORDS = new Set([
  'van', 'der', 'den', 'de', 'het', 't', 'ten', 'ter', 'te', 'in', 'op', 'aan', 'bij', 'onder', 'over', 'uit', 'voor',
  'vd', 'vdr', 'v', 'd', 's', 'l', 'la', 'le', 'les', 'du', 'da', 'di', 'del', 'della', 'des', 'dos', 'von', 'vom',
  'zu', 'zum', 'zur', 'am', 'auf', 'el', 'lo',
]);

/** Lower case, no diacritics (`Müller` → `muller`, `Zoë` → `zoe`), apostrophes and dots as word breaks. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[’'`´.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One family name without its tussenvoegsels, as one word: `van 't Hof` → `hof`, `ter Horst` → `horst`. */
function familyCore(part: string): string {
  const words = foldText(part).split(' ').filter(Boolean);
  let start = 0;
  // Keep the last word even when every word is a tussenvoegsel (a family name such as `Ter`).
  while (start < words.length - 1 && TUSSENVOEGSEL_WORDS.has(words[start]!)) start += 1;
  return words.slice(start).join('').replace(/[^a-z0-9]/g, '');
}

/**
 * The cores of a (possibly double) family name. `Jansen-de Vries` → [`jansen`, `vries`]; the sort
 * form `Berg, van den` → [`berg`]; a separately entered tussenvoegsel is folded away as well.
 */
export function familyCores(familyName: string, tussenvoegsel?: string | null): string[] {
  const beforeComma = familyName.split(',')[0] ?? '';
  const full = `${tussenvoegsel ?? ''} ${beforeComma}`.trim();
  const parts = full.split(/\s*-\s*/).map(familyCore).filter(Boolean);
  return [...new Set(parts)].sort();
}

/**
 * Initials as comparable units: `J.P.` → [j, p], `JP` → [j, p], `Th.J.` → [t, j], `IJ.` → [i].
 * With dots (or spaces) each word is one initial; a run of capitals without dots is one per letter.
 */
export function initialsOf(initials: string | null | undefined): string[] {
  if (!initials) return [];
  const raw = initials.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();
  if (!raw) return [];
  const separated = /[.\s-]/.test(raw);
  const words = separated ? raw.split(/[.\s-]+/).filter(Boolean) : raw.split('');
  return words.map((word) => word.toLowerCase()[0]!).filter((c) => /[a-z]/.test(c));
}

/** The first given name, folded (`Jan-Willem` stays one name: it is not `Jan`). */
export function firstGivenName(givenName: string | null | undefined): string | null {
  if (!givenName) return null;
  const first = foldText(givenName).split(' ')[0];
  return first ? first : null;
}

/** Initials derived from given names: `Jan Willem` and `Jan-Willem` → [j, w]; `IJsbrand` → [i]. */
export function initialsFromGivenNames(givenName: string | null | undefined): string[] {
  if (!givenName) return [];
  return foldText(givenName).split(/[\s-]+/).filter(Boolean).map((name) => name[0]!).filter((c) => /[a-z]/.test(c));
}

export type PersonName = {
  givenName?: string | null;
  tussenvoegsel?: string | null;
  familyName: string;
  initials?: string | null;
};

/**
 * The stored matching key: family cores (sorted, space-separated), `|`, the initials. Kept on the
 * row so candidates are found in SQL; the judgement itself is `personNamesMatch`.
 */
export function personNameKey(name: PersonName): string {
  const initials = initialsOf(name.initials);
  const units = initials.length ? initials : initialsFromGivenNames(name.givenName);
  return `${familyCores(name.familyName, name.tussenvoegsel).join(' ')}|${units.join('')}`.slice(0, 200);
}

const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((unit, i) => b[i] === unit);

/** Family names agree when one set of cores contains the other: `Jansen-de Vries` ⊇ `de Vries`. */
export function familyNamesMatch(a: PersonName, b: PersonName): boolean {
  const coresA = familyCores(a.familyName, a.tussenvoegsel);
  const coresB = familyCores(b.familyName, b.tussenvoegsel);
  if (coresA.length === 0 || coresB.length === 0) return false;
  const [small, large] = coresA.length <= coresB.length ? [coresA, coresB] : [coresB, coresA];
  return small.every((core) => large.includes(core));
}

/**
 * Whether two first-name descriptions can be the same person. Equal first given names agree;
 * otherwise the initials must agree (one a prefix of the other: `J.` fits `J.P.`). Two different
 * given names only agree through initials when one of them is a call name whose stated initials
 * differ from it (Kees, `C.` = Cornelis). Missing information never disagrees.
 */
export function firstNamesCompatible(a: PersonName, b: PersonName): boolean {
  const givenA = firstGivenName(a.givenName);
  const givenB = firstGivenName(b.givenName);
  if (givenA && givenB && givenA === givenB) return true;
  const statedA = initialsOf(a.initials);
  const statedB = initialsOf(b.initials);
  const unitsA = statedA.length ? statedA : initialsFromGivenNames(a.givenName);
  const unitsB = statedB.length ? statedB : initialsFromGivenNames(b.givenName);
  if (unitsA.length === 0 || unitsB.length === 0) return true;
  if (givenA && givenB) {
    const callNameA = statedA.length > 0 && statedA[0] !== givenA[0];
    const callNameB = statedB.length > 0 && statedB[0] !== givenB[0];
    if (!callNameA && !callNameB) return false;
  }
  return isPrefix(unitsA, unitsB) || isPrefix(unitsB, unitsA);
}

export function personNamesMatch(a: PersonName, b: PersonName): boolean {
  return familyNamesMatch(a, b) && firstNamesCompatible(a, b);
}

// Legal forms and a leading article say nothing about which organisation it is.
const LEGAL_FORM_WORDS = new Set(['bv', 'nv', 'vof', 'cv', 'ua', 'stichting', 'vereniging', 'cooperatie', 'holding']);
const LEADING_ARTICLES = new Set(['de', 'het', 't']);

/** `Stichting De Woonbond` → `woonbond`; `Bouwbedrijf Jansen B.V.` → `bouwbedrijf jansen`; `&` → `en`. */
export function organisationNameKey(name: string): string {
  const folded = foldText(
    name
      .replace(/&/g, ' en ')
      // Dotted abbreviations as one word: B.V. → BV, v.o.f. → vof, U.A. → UA.
      .replace(/\b([A-Za-z])\.(?=[A-Za-z]\b)/g, '$1'),
  ).replace(/[^a-z0-9 ]/g, ' ');
  let words = folded.split(' ').filter(Boolean).filter((word) => !LEGAL_FORM_WORDS.has(word));
  while (words.length > 1 && LEADING_ARTICLES.has(words[0]!)) words = words.slice(1);
  const key = words.join(' ');
  return (key || folded || name.trim().toLowerCase()).slice(0, 200);
}

// Dutch postcodes: four digits (no leading zero) and two letters, stored as `1234 AB`.
const POSTCODE = /^([1-9][0-9]{3})\s?([a-zA-Z]{2})$/;

export function isPostcode(value: string): boolean {
  return POSTCODE.test(value.trim());
}

/** `1234ab` → `1234 AB`; anything that is not a Dutch postcode is returned unchanged. */
export function normalisePostcode(value: string): string {
  const match = POSTCODE.exec(value.trim());
  return match ? `${match[1]} ${match[2]!.toUpperCase()}` : value.trim();
}

/** `12 a` → `12A`, `3-bis` → `3-BIS`: compared and stored without spaces, letters in capitals. */
export function normaliseHouseNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** A phone number people can dial: digits with optional +, spaces, dashes, brackets; 9 to 15 digits. */
export function isPhoneNumber(value: string): boolean {
  const trimmed = value.trim();
  if (!/^\+?[0-9\s()-]+$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 9 && digits <= 15;
}

/** Initials as people write them: `jp` → `J.P.`, `th.j` → `Th.J.`, `IJ.` stays `IJ.`. */
export function formatInitials(value: string): string {
  const raw = value.trim();
  if (!raw) return raw;
  const separated = /[.\s]/.test(raw);
  const words = separated ? raw.split(/[.\s]+/).filter(Boolean) : raw.split('');
  return words
    .map((word) => (/^ij$/i.test(word) ? 'IJ' : word[0]!.toUpperCase() + word.slice(1).toLowerCase()))
    .map((word) => `${word}.`)
    .join('');
}

/** `Jan van den Berg`, or `J.P. van den Berg` when only initials are known. */
export function personDisplayName(name: PersonName): string {
  const first = name.givenName?.trim() || name.initials?.trim() || '';
  return [first, name.tussenvoegsel?.trim(), name.familyName.trim()].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------- duplicate matching

export type MatchReason = 'name' | 'email' | 'address' | 'kvk';

export type PersonFacts = PersonName & {
  email?: string | null;
  /** Business addresses of the person's positions also identify them. */
  otherEmails?: (string | null)[];
  postcode?: string | null;
  houseNumber?: string | null;
};

const sameText = (a?: string | null, b?: string | null) =>
  Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

const sameAddress = (a: { postcode?: string | null; houseNumber?: string | null }, b: { postcode?: string | null; houseNumber?: string | null }) =>
  Boolean(a.postcode && b.postcode && a.houseNumber && b.houseNumber
    && normalisePostcode(a.postcode) === normalisePostcode(b.postcode)
    && normaliseHouseNumber(a.houseNumber) === normaliseHouseNumber(b.houseNumber));

/** Why an existing person is likely the one being entered; empty when it is not. */
export function personMatchReasons(entered: PersonFacts, existing: PersonFacts): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (personNamesMatch(entered, existing)) reasons.push('name');
  const enteredEmails = [entered.email, ...(entered.otherEmails ?? [])];
  const existingEmails = [existing.email, ...(existing.otherEmails ?? [])];
  if (enteredEmails.some((a) => existingEmails.some((b) => sameText(a, b)))) reasons.push('email');
  if (sameAddress(entered, existing)) reasons.push('address');
  return reasons;
}

export type OrganisationFacts = {
  name: string;
  kvkNumber?: string | null;
  email?: string | null;
  postcode?: string | null;
  houseNumber?: string | null;
};

export function organisationMatchReasons(entered: OrganisationFacts, existing: OrganisationFacts): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (organisationNameKey(entered.name) === organisationNameKey(existing.name)) reasons.push('name');
  if (entered.kvkNumber && existing.kvkNumber && entered.kvkNumber === existing.kvkNumber) reasons.push('kvk');
  if (sameText(entered.email, existing.email)) reasons.push('email');
  if (sameAddress(entered, existing)) reasons.push('address');
  return reasons;
}

// ---------------------------------------------------------------- positions

/** A position is current on `day` when it has started (or has no start) and has not ended before it. */
export function isPositionCurrent(position: { startsOn: string | null; endsOn: string | null }, day: string): boolean {
  return (position.startsOn === null || position.startsOn <= day) && (position.endsOn === null || position.endsOn >= day);
}
