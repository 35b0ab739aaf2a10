import { createInstance, type i18n as I18n } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_DIRECTIONS, AGREEMENT_KINDS, AGREEMENT_STATUSES } from '~/modules/agreements/rules';
import { History } from '~/modules/audit/components/history';
import { valueCatalogue, VALUE_CATALOGUES } from '~/modules/audit/value-labels';
import { ROLES } from '~/modules/auth/policy';
import { STATEMENT_STATUSES } from '~/modules/governance/rules';
import { COVERAGES } from '~/modules/governance/library-schema';
import { SECTORS } from '~/modules/institutions/schema';
import { OBLIGATION_FORMS, RECURRENCE_KINDS, REPORTS_ON } from '~/modules/obligations/rules';
import { HOUSEHOLD_STATUSES, LEGAL_BASES, ORGANISATION_KINDS, PARTY_KINDS } from '~/modules/parties/schema';
import { REQUEST_KINDS, REQUEST_STATUSES } from '~/modules/privacy/rules';
import { PROPOSAL_STATUSES } from '~/modules/privacy/schema';
import { CATEGORIES, MITCHELL_CLASSES, QUADRANTS, STAKEHOLDER_STATUSES, TIERS } from '~/modules/stakeholders/rules';
import { CHANNELS, DIRECTIONS, INTEREST_PRIORITIES, INTEREST_STATUSES } from '~/modules/stakeholders/schema';
import { LANGUAGES } from '~/i18n/config';
import { i18nConfig } from '~/i18n/config.server';
import { resources } from '~/locales';

/**
 * A record's history shows an enumerated field's change in the area's own words
 * ("Not assessed → Explains"), never the stored slugs.
 */

/** What each mapped (field, entity) can hold: the areas' own lists of values. */
const VALUES: [field: string, entity: string | undefined, values: readonly string[]][] = [
  ['role', undefined, ROLES],
  ['sector', undefined, SECTORS],
  ['locale', undefined, LANGUAGES],
  ['legalBasis', undefined, LEGAL_BASES],
  ['category', undefined, CATEGORIES],
  ['tier', undefined, TIERS],
  ['partyKind', undefined, PARTY_KINDS],
  ['quadrant', undefined, QUADRANTS],
  ['mitchellClass', undefined, MITCHELL_CLASSES],
  ['priority', undefined, INTEREST_PRIORITIES],
  ['channel', undefined, CHANNELS],
  ['form', undefined, OBLIGATION_FORMS],
  ['reportsOn', undefined, REPORTS_ON],
  ['recurrenceKind', undefined, RECURRENCE_KINDS],
  ['coverage', undefined, COVERAGES],
  ['kind', 'organisation', ORGANISATION_KINDS],
  ['kind', 'agreement', AGREEMENT_KINDS],
  ['kind', 'data-subject-request', REQUEST_KINDS],
  ['direction', 'engagement', DIRECTIONS],
  ['direction', 'agreement', AGREEMENT_DIRECTIONS],
  ['status', 'stakeholder', STAKEHOLDER_STATUSES],
  ['status', 'interest', INTEREST_STATUSES],
  ['status', 'household', HOUSEHOLD_STATUSES],
  ['status', 'agreement', AGREEMENT_STATUSES],
  ['status', 'compliance-statement', STATEMENT_STATUSES],
  ['status', 'data-subject-request', REQUEST_STATUSES],
  ['status', 'correction-proposal', PROPOSAL_STATUSES.filter((s) => s !== 'all')],
];

function lookup(language: 'en' | 'nl', key: string): unknown {
  const [ns, path] = key.split(':') as [keyof (typeof resources)['en'], string];
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[language][ns]);
}

describe('the field → catalogue mapping', () => {
  it('covers every mapped field and entity with a list of values here', () => {
    const mapped = Object.entries(VALUE_CATALOGUES).flatMap(([field, c]) => (typeof c === 'string' ? [`${field}`] : Object.keys(c).map((e) => `${field}@${e}`)));
    expect(VALUES.map(([field, entity]) => (entity ? `${field}@${entity}` : field)).sort()).toEqual(mapped.sort());
  });

  it.each(['en', 'nl'] as const)('every value of every mapped field has a label in %s', (language) => {
    const missing = VALUES.flatMap(([field, entity, values]) => {
      const prefix = valueCatalogue(field, entity)!;
      return values.filter((v) => typeof lookup(language, `${prefix}.${v}`) !== 'string').map((v) => `${field}${entity ? `@${entity}` : ''}: ${prefix}.${v}`);
    });
    expect(missing).toEqual([]);
  });

  it('an ambiguous field without its record’s kind, and free text, have no catalogue', () => {
    expect(valueCatalogue('status')).toBeNull();
    expect(valueCatalogue('status', 'theme')).toBeNull();
    expect(valueCatalogue('outcome', 'data-subject-request')).toBeNull();
    expect(valueCatalogue('tier', 'anything')).toBe('stakeholders:tiers');
  });
});

describe('History', () => {
  let i18n: I18n;
  beforeAll(async () => {
    i18n = createInstance();
    await i18n.use(initReactI18next).init({ ...i18nConfig, lng: 'en' });
  });

  const render = (events: Parameters<typeof History>[0]['events']) =>
    renderToStaticMarkup(<I18nextProvider i18n={i18n}><History events={events} /></I18nextProvider>);
  const event = (id: number, entity: string, changes: Record<string, [unknown, unknown]>) =>
    ({ id, occurredAt: '2026-03-01T10:00:00.000Z', actorLabel: 'system', entity, action: 'update', changes });

  it.each(['en', 'nl'] as const)('shows changed statuses, tiers and categories by their labels in %s', async (language) => {
    await i18n.changeLanguage(language);
    const label = (key: string) => lookup(language, key) as string;
    const html = render([
      event(1, 'compliance-statement', { status: ['not-assessed', 'explains'] }),
      event(2, 'agreement', { status: ['draft', 'active'], kind: [null, 'covenant'] }),
      event(3, 'stakeholder', { tier: ['b', 'a'], category: ['partner', 'funder'], status: ['active', 'dormant'] }),
      event(4, 'data-subject-request', { status: ['open', 'in-progress'], outcome: [null, 'Sent on 1 March'] }),
    ]);
    for (const key of [
      'compliance:status.not-assessed', 'compliance:status.explains', 'agreements:statuses.draft', 'agreements:statuses.active', 'agreements:kinds.covenant',
      'stakeholders:tiers.b', 'stakeholders:tiers.a', 'stakeholders:categories.partner', 'stakeholders:categories.funder', 'stakeholders:statuses.dormant',
      'privacy:statuses.in-progress',
    ]) expect(html).toContain(label(key).replace(/&/g, '&amp;').replace(/'/g, '&#x27;'));
    expect(html).toContain('Sent on 1 March');
    for (const slug of ['not-assessed', 'explains', 'covenant', 'in-progress', 'dormant', 'funder']) expect(html).not.toMatch(new RegExp(`(?<![\\w-])${slug}(?![\\w-])`));
  });

  it('the same slug reads per record: an interest’s “active” is not a stakeholder’s', async () => {
    await i18n.changeLanguage('nl');
    const html = render([event(1, 'interest', { status: ['addressed', 'active'] }), event(2, 'stakeholder', { status: ['ended', 'active'] })]);
    expect(html).toContain(`${lookup('nl', 'stakeholders:interestStatuses.addressed')} → ${lookup('nl', 'stakeholders:interestStatuses.active')}`);
    expect(html).toContain(`${lookup('nl', 'stakeholders:statuses.ended')} → ${lookup('nl', 'stakeholders:statuses.active')}`);
  });
});
