import { z } from 'zod';
import { optionalId, requiredDay } from '~/modules/obligations/fields';
import { personSchema } from '~/modules/parties/schema';
import { checkbox, choice, id, optionalChoice, optionalText, requiredText, version } from '~/utils/schema-helpers';
import { CLOSED_REQUEST_STATUSES, CORRECTABLE_FIELDS, REQUEST_KINDS, REQUEST_STATES } from './rules';

// ---------------------------------------------------------------- data-subject requests

export const requestCreateSchema = z.object({
  personId: optionalId(),
  // Who asked, in their own words; taken from the person when the request is about one.
  requester: optionalText(200),
  kind: choice(REQUEST_KINDS),
  receivedOn: requiredDay(),
}).superRefine((value, ctx) => {
  if (!value.personId && !value.requester) {
    ctx.addIssue({ code: 'custom', path: ['requester'], message: 'privacy:requests.requesterRequired' });
  }
});
export type RequestCreateInput = z.infer<typeof requestCreateSchema>;

export const requestStartSchema = z.object({ version: version() });

export const requestExtendSchema = z.object({ reason: requiredText(2000), version: version() });

export const requestCloseSchema = z.object({
  status: choice(CLOSED_REQUEST_STATUSES),
  outcome: requiredText(4000),
  closedOn: requiredDay(),
  version: version(),
});
export type RequestCloseInput = z.infer<typeof requestCloseSchema>;

export const REQUEST_SORTS = ['receivedOn', 'dueOn', 'kind', 'status'] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

export const requestFiltersSchema = z.object({
  state: z.enum(REQUEST_STATES).catch('open'),
  kind: optionalChoice(REQUEST_KINDS).catch(undefined),
});
export type RequestFilters = z.infer<typeof requestFiltersSchema>;

// ---------------------------------------------------------------- a person's privacy page

export const legalHoldSchema = z.object({ reason: requiredText(2000) });

export const eraseSchema = z.object({
  confirm: checkbox().refine((v) => v, 'privacy:erase.confirmRequired'),
});

/** Where the link goes: the person's own email, or the business email of one of their positions. */
export const portalLinkSchema = z.object({
  address: z.string({ required_error: 'common:errors.required' }).regex(/^(private|position-\d+)$/, 'common:errors.invalidChoice'),
});

export type PortalAddress = { kind: 'private' } | { kind: 'position'; positionId: number };

export const portalAddressOf = (value: string): PortalAddress =>
  value === 'private' ? { kind: 'private' } : { kind: 'position', positionId: Number(value.slice('position-'.length)) };

// ---------------------------------------------------------------- corrections

// The portal's correction form: the directory's own rules for each field (one place for them).
const personFieldRules = personSchema.innerType().pick(
  Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, true])) as { [K in (typeof CORRECTABLE_FIELDS)[number]]: true },
);

export const correctionSchema = personFieldRules.extend({ message: optionalText(2000) }).superRefine((value, ctx) => {
  if (value.houseNumber && !value.postcode) ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'parties:errors.postcodeWithNumber' });
});
export type CorrectionInput = z.infer<typeof correctionSchema>;

export const acceptSchema = z.object({ proposalId: id() });
export const rejectSchema = z.object({ proposalId: id(), reason: requiredText(2000) });

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'all'] as const;
export const proposalFiltersSchema = z.object({ status: z.enum(PROPOSAL_STATUSES).catch('pending') });
