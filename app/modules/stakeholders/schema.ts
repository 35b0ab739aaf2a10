import { z } from 'zod';
import { PARTY_KINDS } from '~/modules/parties/schema';
import { compareDays, isDay, today } from '~/utils/dates';
import { checkbox, choice, id, optionalChoice, optionalText, requiredText, version } from '~/utils/schema-helpers';
import { CATEGORIES, MITCHELL_CLASSES, QUADRANTS, SCALE_MAX, SCALE_MIN, STAKEHOLDER_STATUSES, TIERS } from './rules';

export const CHANNELS = ['meeting', 'phone', 'email', 'letter', 'video-call', 'event', 'site-visit', 'other'] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'mutual'] as const;
export const INTEREST_PRIORITIES = ['high', 'medium', 'low'] as const;
export const INTEREST_STATUSES = ['active', 'addressed', 'dropped'] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** A calendar day that has happened: today or earlier (Amsterdam). */
const pastDay = () =>
  z.preprocess(blank, z.string({ required_error: 'common:errors.required' })
    .refine(isDay, 'common:errors.invalidDate')
    .refine((day) => !isDay(day) || compareDays(day, today()) <= 0, 'stakeholders:errors.futureDate'));

const optionalDay = () => z.preprocess(blank, z.string().refine(isDay, 'common:errors.invalidDate').optional());

/** A select that may be left empty: an id, or nothing. */
const optionalId = () => z.preprocess(blank, id().optional());

/** A multi-select: one value or several, each an id; none → []. */
const idList = () =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), z.array(id()));

/** A score on the 1–5 scale. */
const score = () =>
  z.preprocess(blank, z.coerce.number({ required_error: 'common:errors.required', invalid_type_error: 'stakeholders:errors.scale' })
    .int('stakeholders:errors.scale').min(SCALE_MIN, 'stakeholders:errors.scale').max(SCALE_MAX, 'stakeholders:errors.scale'));

const stakeholderFields = {
  category: choice(CATEGORIES),
  tier: choice(TIERS),
  tierRationale: optionalText(300),
  ownerUserId: optionalId(),
  status: choice(STAKEHOLDER_STATUSES),
  description: optionalText(4000),
};

/** A new stakeholder: the institution's relationship with one party of its directory. */
export const stakeholderCreateSchema = z.object({ partyKind: choice(PARTY_KINDS), partyId: id(), ...stakeholderFields });
export type StakeholderCreateInput = z.infer<typeof stakeholderCreateSchema>;

export const stakeholderUpdateSchema = z.object({ ...stakeholderFields, version: version() });
export type StakeholderUpdateInput = z.infer<typeof stakeholderUpdateSchema>;

export const assessmentSchema = z.object({
  assessedOn: pastDay(),
  power: score(),
  interest: score(),
  legitimacy: checkbox(),
  urgency: checkbox(),
  note: optionalText(2000),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;

export const interestSchema = z.object({
  title: requiredText(200),
  description: optionalText(4000),
  themeId: optionalId(),
  priority: choice(INTEREST_PRIORITIES),
  since: optionalDay(),
  status: choice(INTEREST_STATUSES),
});
export type InterestInput = z.infer<typeof interestSchema>;
export const interestUpdateSchema = interestSchema.extend({ interestId: id(), version: version() });

/**
 * A participant arrives as `person:<id>` (in a private capacity) or `position:<id>` (acting in that
 * position, which puts the contact on the organisation's timeline).
 */
export type ParticipantRef = { kind: 'person' | 'position'; id: number };
const participantList = () =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
    z.array(z.string().regex(/^(person|position):[1-9][0-9]{0,9}$/, 'common:errors.invalidChoice').transform((value): ParticipantRef => {
      const [kind, raw] = value.split(':') as ['person' | 'position', string];
      return { kind, id: Number(raw) };
    })),
  );

const engagementFields = z.object({
  occurredOn: pastDay(),
  channel: choice(CHANNELS),
  direction: choice(DIRECTIONS),
  subject: requiredText(200),
  summary: optionalText(8000),
  stakeholderIds: idList().refine((ids) => ids.length > 0, 'stakeholders:errors.stakeholdersRequired'),
  participants: participantList(),
  interestIds: idList(),
  followUp: optionalText(2000),
  followUpOwnerUserId: optionalId(),
  followUpDueOn: optionalDay(),
  /** The participants' details were confirmed during the contact: last verified = today. */
  confirmParticipants: checkbox(),
});

// A follow-up needs its text; it cannot be due before the contact took place.
const followUpRules = (value: z.infer<typeof engagementFields>, ctx: z.RefinementCtx) => {
  if (!value.followUp && (value.followUpDueOn || value.followUpOwnerUserId)) {
    ctx.addIssue({ code: 'custom', path: ['followUp'], message: 'stakeholders:errors.followUpMissing' });
  }
  if (value.followUpDueOn && isDay(value.occurredOn) && compareDays(value.followUpDueOn, value.occurredOn) < 0) {
    ctx.addIssue({ code: 'custom', path: ['followUpDueOn'], message: 'stakeholders:errors.dueBeforeContact' });
  }
};

export const engagementSchema = engagementFields.superRefine(followUpRules);
export const engagementUpdateSchema = engagementFields.extend({ version: version() }).superRefine(followUpRules);
export type EngagementInput = z.infer<typeof engagementSchema>;

export const themeSchema = z.object({ name: requiredText(120) });
export const themeUpdateSchema = z.object({ themeId: id(), name: requiredText(120), active: checkbox() });

// ---------------------------------------------------------------- the register's URL

export const STAKEHOLDER_SORTS = ['name', 'category', 'tier', 'quadrant', 'mitchellClass', 'power', 'interest', 'assessedOn', 'owner', 'status'] as const;
export type StakeholderSort = (typeof STAKEHOLDER_SORTS)[number];

export type StakeholderFilters = {
  category?: (typeof CATEGORIES)[number];
  tier?: (typeof TIERS)[number];
  quadrant?: (typeof QUADRANTS)[number] | 'unassessed';
  mitchellClass?: (typeof MITCHELL_CLASSES)[number];
  /** A user id, or `none` for stakeholders without an owner. */
  owner?: number | 'none';
  status?: (typeof STAKEHOLDER_STATUSES)[number];
};

const filterFields = {
  category: optionalChoice(CATEGORIES),
  tier: optionalChoice(TIERS),
  quadrant: optionalChoice([...QUADRANTS, 'unassessed'] as const),
  mitchellClass: optionalChoice(MITCHELL_CLASSES),
  owner: z.preprocess(blank, z.union([z.literal('none'), z.coerce.number().int().positive()]).optional()),
  status: optionalChoice(STAKEHOLDER_STATUSES),
};

/** The register's filters from the URL; a value that is not on offer is ignored, never an error page. */
export function parseStakeholderFilters(searchParams: URLSearchParams): StakeholderFilters {
  const filters: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(filterFields)) {
    const parsed = schema.safeParse(searchParams.get(name) ?? undefined);
    if (parsed.success && parsed.data !== undefined) filters[name] = parsed.data;
  }
  return filters as StakeholderFilters;
}

export const ENGAGEMENT_SORTS = ['occurredOn', 'subject', 'followUpDueOn'] as const;

/** The engagement log's follow-up filter. */
export const FOLLOW_UP_FILTERS = ['open', 'overdue', 'done'] as const;

/** The institution-wide interests list shows one status, or all. */
export const INTEREST_STATUS_FILTERS = ['active', 'addressed', 'dropped', 'all'] as const;
