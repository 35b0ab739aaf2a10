import type { ColumnKey } from './columns';

/**
 * vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) business cards read into the import's columns, so a
 * card is validated and matched exactly like a CSV row. Pure, no I/O.
 *
 * What a card becomes: N (or FN) the person, ORG the organisation, TITLE (else ROLE) the position;
 * EMAIL, TEL and ADR typed `work` — or untyped on a card with an ORG — are the position's business
 * details and the organisation's address; `home`/`cell` ones are the person's own. A card of
 * KIND:org is an organisation only.
 */
export type VCardRecord = { line: number; values: Partial<Record<ColumnKey, string>>; unsupported: string | null };

type Property = { name: string; params: Record<string, string[]>; value: string };

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i += 1;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** `\n`, `\,`, `\;` and `\\` as the characters they stand for. */
function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();
}

/** Splits a content line at the colon that ends its name and parameters (a quoted parameter may hold one). */
function parseLine(line: string): Property | null {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [rawName, ...rawParams] = line.slice(0, colon).split(';');
  // `item1.EMAIL` (Apple's grouping): the group says nothing we use.
  const name = rawName!.replace(/^.*\./, '').toUpperCase();
  const params: Record<string, string[]> = {};
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // vCard 2.1 writes bare types: `TEL;WORK;VOICE:`.
    const key = eq === -1 ? 'TYPE' : raw.slice(0, eq).toUpperCase();
    const values = (eq === -1 ? raw : raw.slice(eq + 1)).replace(/"/g, '').split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
    params[key] = [...(params[key] ?? []), ...values];
  }
  return { name, params, value: line.slice(colon + 1) };
}

const typesOf = (property: Property) => property.params.TYPE ?? [];
const isWork = (property: Property) => typesOf(property).includes('work');
const isPrivate = (property: Property) => typesOf(property).some((t) => t === 'home' || t === 'cell');

/** `Stationsplein 12 a` → street `Stationsplein`, house number `12 a`; a street without a number stays whole. */
export function splitStreet(line: string): { street: string; houseNumber?: string } {
  const match = /^(.*\D)\s+(\d+(?:\s?[a-zA-Z]{1,3}\b|[-/\s]\w{1,6})?)$/.exec(line.trim());
  return match ? { street: match[1]!.trim(), houseNumber: match[2]!.trim() } : { street: line.trim() };
}

function addressValues(property: Property) {
  // ADR: post office box; extended address; street; locality; region; postal code; country.
  const [, , street = '', locality = '', , postcode = ''] = splitUnescaped(property.value, ';').map(unescapeText);
  const firstLine = street.split('\n')[0] ?? '';
  return { ...splitStreet(firstLine), postcode, city: locality };
}

/** A card's properties as import columns (only the first of each kind counts). */
function cardValues(properties: Property[]): Partial<Record<ColumnKey, string>> {
  const values: Partial<Record<ColumnKey, string>> = {};
  const set = (key: ColumnKey, value: string | undefined) => {
    if (value && !values[key]) values[key] = value;
  };
  const first = (name: string) => properties.find((p) => p.name === name);
  const organisationOnly = first('KIND')?.value.trim().toLowerCase() === 'org';
  const org = first('ORG');
  const organisation = org ? unescapeText(splitUnescaped(org.value, ';')[0] ?? '') : organisationOnly ? unescapeText(first('FN')?.value ?? '') : '';
  const business = Boolean(organisation);
  set('organisation', organisation);

  if (!organisationOnly) {
    const n = first('N');
    const [family = '', given = '', , prefix = ''] = n ? splitUnescaped(n.value, ';').map(unescapeText) : [];
    if (family) {
      set('familyName', family);
      set('givenName', given.split(',')[0]?.trim());
      // Some address books keep the tussenvoegsel in the honorific prefix (`van der`), lower case.
      if (/^[a-z' ]+$/.test(prefix)) set('tussenvoegsel', prefix);
    } else {
      // No structured name: the formatted name, its first word the given name.
      const words = unescapeText(first('FN')?.value ?? '').split(/\s+/).filter(Boolean);
      if (words.length > 1) set('givenName', words[0]);
      set('familyName', words.slice(words.length > 1 ? 1 : 0).join(' '));
    }
    set('title', unescapeText(first('TITLE')?.value ?? '') || unescapeText(first('ROLE')?.value ?? ''));
  }

  for (const email of properties.filter((p) => p.name === 'EMAIL')) {
    const address = unescapeText(email.value).replace(/^mailto:/i, '');
    if (business && (isWork(email) || !isPrivate(email)) && !organisationOnly) set('businessEmail', address);
    else if (organisationOnly) set('organisationEmail', address);
    else set('email', address);
  }
  for (const tel of properties.filter((p) => p.name === 'TEL')) {
    const number = unescapeText(tel.value).replace(/^tel:/i, '');
    if (organisationOnly) set('organisationPhone', number);
    else if (business && (isWork(tel) || !isPrivate(tel))) set('businessPhone', number);
    else set('phone', number);
  }
  for (const adr of properties.filter((p) => p.name === 'ADR')) {
    const address = addressValues(adr);
    if (business && (isWork(adr) || !isPrivate(adr))) {
      set('organisationStreet', address.street);
      set('organisationHouseNumber', address.houseNumber);
      set('organisationPostcode', address.postcode);
      set('organisationCity', address.city);
    } else {
      set('street', address.street);
      set('houseNumber', address.houseNumber);
      set('postcode', address.postcode);
      set('city', address.city);
    }
  }
  if (business) set('website', unescapeText(first('URL')?.value ?? ''));
  return values;
}

/** Every card in the file, each with the line it begins on; lines outside a card are ignored. */
export function parseVCards(input: string): VCardRecord[] {
  // Unfold: a line break followed by a space or tab continues the line before it.
  const lines = input.replace(/\r\n|\r/g, '\n').split('\n');
  const unfolded: { line: number; text: string }[] = [];
  lines.forEach((text, index) => {
    if (/^[ \t]/.test(text) && unfolded.length > 0) unfolded[unfolded.length - 1]!.text += text.slice(1);
    else unfolded.push({ line: index + 1, text });
  });

  const cards: VCardRecord[] = [];
  let current: { line: number; properties: Property[]; unsupported: string | null } | null = null;
  for (const { line, text } of unfolded) {
    const trimmed = text.trim();
    if (/^BEGIN:VCARD$/i.test(trimmed)) {
      current = { line, properties: [], unsupported: null };
    } else if (/^END:VCARD$/i.test(trimmed)) {
      if (current) cards.push({ line: current.line, values: cardValues(current.properties), unsupported: current.unsupported });
      current = null;
    } else if (current && trimmed) {
      const property = parseLine(trimmed);
      if (!property) continue;
      // vCard 2.1's quoted-printable would be read as garbage: say so instead.
      if ((property.params.ENCODING ?? []).includes('quoted-printable')) current.unsupported = 'quoted-printable';
      current.properties.push(property);
    }
  }
  return cards;
}

/** Whether a file is vCard rather than CSV: its name, or its first line. */
export function looksLikeVCard(filename: string, text: string): boolean {
  return /\.(vcf|vcard)$/i.test(filename) || /^\s*BEGIN:VCARD/i.test(text);
}
