/**
 * Where the catalogue labels of an audited field's stored slugs live: the areas already translate
 * their enumerations for their own pages, and a record's history reuses those labels instead of
 * showing `not-assessed → explains`. One place, so a new enumerated field is added here only.
 *
 * A field name that means different things in different records (`status`, `kind`, `direction`)
 * maps per audit entity; a field that means one thing everywhere maps directly.
 */
type Catalogue = string | Readonly<Record<string, string>>;

export const VALUE_CATALOGUES: Readonly<Record<string, Catalogue>> = {
  role: 'common:roles',
  sector: 'common:sectors',
  locale: 'common:language',
  legalBasis: 'parties:legalBases',
  category: 'stakeholders:categories',
  tier: 'stakeholders:tiers',
  partyKind: 'stakeholders:partyKinds',
  quadrant: 'stakeholders:quadrants',
  mitchellClass: 'stakeholders:mitchell',
  priority: 'stakeholders:priorities',
  channel: 'stakeholders:channels',
  form: 'obligations:forms',
  reportsOn: 'obligations:reportsOn',
  recurrenceKind: 'obligations:form.recurrenceKinds',
  coverage: 'governance:coverage',
  kind: {
    organisation: 'parties:kinds',
    agreement: 'agreements:kinds',
    'data-subject-request': 'privacy:kinds',
  },
  direction: {
    engagement: 'stakeholders:directions',
    agreement: 'agreements:directions',
  },
  status: {
    stakeholder: 'stakeholders:statuses',
    interest: 'stakeholders:interestStatuses',
    household: 'parties:householdStatuses',
    agreement: 'agreements:statuses',
    'compliance-statement': 'compliance:status',
    'data-subject-request': 'privacy:statuses',
    'correction-proposal': 'privacy:corrections.statuses',
  },
};

/** The catalogue key prefix for a field's values in a record of `entity`, or null for free text. */
export function valueCatalogue(field: string, entity?: string): string | null {
  const catalogue = VALUE_CATALOGUES[field];
  if (typeof catalogue === 'string') return catalogue;
  return (catalogue && entity ? catalogue[entity] : undefined) ?? null;
}
