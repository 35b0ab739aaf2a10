import { z } from 'zod';
import { compareDays, isDay } from '~/utils/dates';
import {
  checkbox, choice, id, kvkNumber, optionalChoice, optionalEmail, optionalText, requiredText, url, version,
} from '~/utils/schema-helpers';
import { formatInitials, isPhoneNumber, isPostcode, normaliseHouseNumber, normalisePostcode } from './rules';

export const ORGANISATION_KINDS = [
  'municipality', 'province', 'ministry', 'regulator', 'funder', 'company', 'association', 'school',
  'healthcare-provider', 'housing-corporation', 'tenants-association', 'client-council', 'works-council',
  'student-council', 'interest-group', 'other',
] as const;
export const LEGAL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;
export const HOUSEHOLD_STATUSES = ['active', 'moved', 'inactive'] as const;
export const PARTY_KINDS = ['organisation', 'person', 'household'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** `1234ab` and `1234 AB` are both accepted and stored as `1234 AB`. */
export const postcode = () =>
  z.preprocess(blank, z.string().refine(isPostcode, 'parties:errors.postcode').transform(normalisePostcode).optional());

export const houseNumber = () =>
  z.preprocess(blank, z.string().max(20, 'common:errors.tooLong').regex(/^\d/, 'parties:errors.houseNumber').transform(normaliseHouseNumber).optional());

export const phone = () =>
  z.preprocess(blank, z.string().max(40, 'common:errors.tooLong').refine(isPhoneNumber, 'parties:errors.phone').optional());

/** An optional calendar day from a date input. */
export const optionalDay = () => z.preprocess(blank, z.string().refine(isDay, 'common:errors.invalidDate').optional());

const address = {
  street: optionalText(200),
  houseNumber: houseNumber(),
  postcode: postcode(),
  city: optionalText(120),
};

// A house number without a postcode cannot be matched or posted: ask for both or neither.
const addressComplete = (value: { postcode?: string; houseNumber?: string }, ctx: z.RefinementCtx) => {
  if (value.houseNumber && !value.postcode) ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'parties:errors.postcodeWithNumber' });
};

const personFields = z.object({
    givenName: optionalText(100),
    tussenvoegsel: optionalText(30),
    familyName: requiredText(120),
    initials: z.preprocess(blank, z.string().max(20, 'common:errors.tooLong').regex(/^[A-Za-zÀ-ÿ. ]+$/, 'parties:errors.initials').transform(formatInitials).optional()),
    email: optionalEmail(),
    phone: phone(),
    ...address,
    source: optionalText(200),
    legalBasis: optionalChoice(LEGAL_BASES),
    /** "I confirm these details are current": sets last verified to today. */
    verified: checkbox(),
});

const organisationFields = z.object({
    name: requiredText(200),
    kind: choice(ORGANISATION_KINDS),
    kvkNumber: kvkNumber(),
    ...address,
    website: url(),
    email: optionalEmail(),
    phone: phone(),
    notes: optionalText(4000),
    source: optionalText(200),
    verified: checkbox(),
});

const householdFields = z.object({
    name: requiredText(200),
    ...address,
    segment: optionalText(60),
    status: choice(HOUSEHOLD_STATUSES),
    source: optionalText(200),
    verified: checkbox(),
});

// Create forms add the duplicate decision; edit forms add the version they were loaded with.
const createAnyway = { createAnyway: checkbox() };
const withVersion = { version: version() };

export const personSchema = personFields.superRefine(addressComplete);
export type PersonInput = z.infer<typeof personSchema>;
export const personCreateSchema = personFields.extend(createAnyway).superRefine(addressComplete);
export const personUpdateSchema = personFields.extend(withVersion).superRefine(addressComplete);

export const organisationSchema = organisationFields.superRefine(addressComplete);
export type OrganisationInput = z.infer<typeof organisationSchema>;
export const organisationCreateSchema = organisationFields.extend(createAnyway).superRefine(addressComplete);
export const organisationUpdateSchema = organisationFields.extend(withVersion).superRefine(addressComplete);

export const householdSchema = householdFields.superRefine(addressComplete);
export type HouseholdInput = z.infer<typeof householdSchema>;
export const householdUpdateSchema = householdFields.extend(withVersion).superRefine(addressComplete);

const endNotBeforeStart = (value: { startsOn?: string; endsOn?: string }, ctx: z.RefinementCtx) => {
  if (value.startsOn && value.endsOn && compareDays(value.endsOn, value.startsOn) < 0) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'parties:errors.endBeforeStart' });
  }
};

const positionFields = {
  title: requiredText(200),
  startsOn: optionalDay(),
  endsOn: optionalDay(),
  businessEmail: optionalEmail(),
  businessPhone: phone(),
};

export const positionCreateSchema = z.object({ personId: id(), organisationId: id(), ...positionFields }).superRefine(endNotBeforeStart);

/** A position's own fields without whose and where: an import links them to the rows it creates. */
export const positionFieldsSchema = z.object(positionFields).superRefine(endNotBeforeStart);
export type PositionFieldsInput = z.infer<typeof positionFieldsSchema>;
export type PositionCreateInput = z.infer<typeof positionCreateSchema>;

export const positionUpdateSchema = z.object({ ...positionFields, version: version() }).superRefine(endNotBeforeStart);
export type PositionUpdateInput = z.infer<typeof positionUpdateSchema>;

export const householdMemberSchema = z.object({ personId: id(), relation: optionalText(60) });

export const mergeSchema = z.object({ survivorId: id(), confirm: checkbox().refine((v) => v, 'parties:merge.confirmRequired') });

export const deactivateSchema = z.object({ version: version() });

// ---------------------------------------------------------------- directory lists

export const PERSON_SORTS = ['familyName', 'lastVerifiedOn', 'createdAt'] as const;
export const ORGANISATION_SORTS = ['name', 'kind', 'lastVerifiedOn', 'createdAt'] as const;
export const HOUSEHOLD_SORTS = ['name', 'postcode', 'createdAt'] as const;

/** Active records by default; `all` shows deactivated and merged ones too. */
export const activityFilter = (searchParams: URLSearchParams): 'active' | 'all' | 'inactive' => {
  const value = searchParams.get('show');
  return value === 'all' || value === 'inactive' ? value : 'active';
};

export const organisationKindFilter = (searchParams: URLSearchParams) =>
  z.enum(ORGANISATION_KINDS).optional().catch(undefined).parse(searchParams.get('kind') || undefined);
