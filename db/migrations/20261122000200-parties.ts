import type { QueryInterface } from 'sequelize';
import {
  addIndexes, createTable, day, dropTables, fk, flag, id, instant, institutionFk, name, notBefore, oneOf, text, timestamps,
  version,
} from './helpers';

const ORGANISATION_KINDS = [
  'municipality', 'province', 'ministry', 'regulator', 'funder', 'company', 'association', 'school',
  'healthcare-provider', 'housing-corporation', 'tenants-association', 'client-council', 'works-council',
  'student-council', 'interest-group', 'other',
];
const LEGAL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'];

const postcodeCheck = (c: string) => `${c} IS NULL OR length(${c}) = 7`;

// Address columns shared by organisations, households and persons (postcode stored as `1234 AB`).
const address = () => ({
  street: text(true, 200),
  house_number: text(true, 20),
  postcode: { ...text(true, 7), check: postcodeCheck },
  city: text(true, 120),
});

// Where party data came from and when someone last confirmed it (AVG: source; data currency).
const provenance = () => ({
  source: text(true, 200),
  last_verified_on: day(),
});

export async function up(qi: QueryInterface): Promise<void> {
  await createTable(qi, 'organisations', {
    id: id(),
    institution_id: institutionFk(),
    name: name(),
    name_key: text(false, 200),
    kind: oneOf(ORGANISATION_KINDS),
    kvk_number: { ...text(true, 8), check: (c) => `${c} IS NULL OR length(${c}) = 8` },
    ...address(),
    website: text(true, 300),
    email: text(true, 254),
    phone: text(true, 40),
    notes: text(true),
    ...provenance(),
    active: flag(true),
    merged_into_id: fk('organisations', 'SET NULL'),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'organisations', [
    { fields: ['institution_id', 'kvk_number'], unique: true, where: 'kvk_number IS NOT NULL' },
    { fields: ['institution_id', 'name_key'] },
    { fields: ['institution_id', 'postcode', 'house_number'] },
    { fields: ['institution_id', 'last_verified_on'] },
  ]);

  await createTable(qi, 'households', {
    id: id(),
    institution_id: institutionFk(),
    name: name(),
    ...address(),
    segment: text(true, 60),
    status: oneOf(['active', 'moved', 'inactive'], { defaultValue: 'active' }),
    ...provenance(),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'households', [{ fields: ['institution_id', 'postcode', 'house_number'] }]);

  await createTable(qi, 'persons', {
    id: id(),
    institution_id: institutionFk(),
    given_name: text(true, 100),
    tussenvoegsel: text(true, 30),
    family_name: text(false, 120),
    initials: text(true, 20),
    // Normalised matching key (diacritics, case and tussenvoegsel folded) for duplicate checks.
    name_key: text(false, 200),
    email: text(true, 254),
    phone: text(true, 40),
    ...address(),
    ...provenance(),
    legal_basis: oneOf(LEGAL_BASES, { allowNull: true }),
    legal_hold: text(true),
    active: flag(true),
    erased_at: instant(),
    merged_into_id: fk('persons', 'SET NULL'),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'persons', [
    { fields: ['institution_id', 'name_key'] },
    { fields: ['institution_id', 'email'] },
    { fields: ['institution_id', 'postcode', 'house_number'] },
    { fields: ['institution_id', 'family_name'] },
    { fields: ['institution_id', 'last_verified_on'] },
  ]);

  await createTable(qi, 'household_members', {
    id: id(),
    household_id: fk('households', 'CASCADE', false),
    person_id: fk('persons', 'CASCADE', false),
    relation: text(true, 60),
    ...timestamps(),
  });
  await addIndexes(qi, 'household_members', [
    { fields: ['household_id', 'person_id'], unique: true },
    { fields: ['person_id'] },
  ]);

  await createTable(qi, 'positions', {
    id: id(),
    institution_id: institutionFk(),
    person_id: fk('persons', 'RESTRICT', false),
    organisation_id: fk('organisations', 'RESTRICT', false),
    title: text(false, 200),
    starts_on: day(),
    ends_on: { ...day(), check: notBefore('starts_on') },
    business_email: text(true, 254),
    business_phone: text(true, 40),
    version: version(),
    ...timestamps(),
  });
  await addIndexes(qi, 'positions', [
    { fields: ['person_id'] },
    { fields: ['organisation_id', 'ends_on'] },
    { fields: ['institution_id', 'business_email'] },
  ]);
}

export async function down(qi: QueryInterface): Promise<void> {
  await dropTables(qi, ['positions', 'household_members', 'persons', 'households', 'organisations']);
}
