import { z } from 'zod';
import { idList, optionalDay, optionalId, optionalLink, requiredDay } from '~/modules/obligations/fields';
import { compareDays, type Day } from '~/utils/dates';
import { checkbox, choice, id, optionalChoice, optionalText, requiredText, version } from '~/utils/schema-helpers';
import { AGREEMENT_DIRECTIONS, AGREEMENT_KINDS, AGREEMENT_STATUSES } from './rules';

const agreementFields = z.object({
  title: requiredText(200),
  kind: choice(AGREEMENT_KINDS),
  direction: choice(AGREEMENT_DIRECTIONS),
  goals: optionalText(10_000),
  startsOn: requiredDay(),
  endsOn: optionalDay(),
  reviewOn: optionalDay(),
  ownerUserId: optionalId(),
  // Prestatieafspraken are tripartite: one or more parties, each a stakeholder of this institution.
  stakeholderIds: idList().pipe(z.array(z.number()).min(1, 'agreements:form.stakeholdersRequired')),
});

const endNotBeforeStart = (value: { startsOn: Day; endsOn?: Day }, ctx: z.RefinementCtx) => {
  if (value.endsOn && compareDays(value.endsOn, value.startsOn) < 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['endsOn'], message: 'agreements:form.endBeforeStart' });
  }
};

export const agreementSchema = agreementFields.superRefine(endNotBeforeStart);
export type AgreementInput = z.infer<typeof agreementSchema>;

export const agreementUpdateSchema = agreementFields.extend({ version: version() }).superRefine(endNotBeforeStart);
export type AgreementUpdateInput = z.infer<typeof agreementUpdateSchema>;

export const agreementStatusSchema = z.object({
  status: choice(AGREEMENT_STATUSES),
  version: version(),
  // Why it is reopened (or closed): kept in the trail.
  reason: optionalText(1000),
  // When closing: the day it ended (today when left out).
  closedOn: optionalDay(),
  // The box covers the obligations the page listed, not ones added since: those the secretary has not seen.
  endObligations: checkbox(),
  obligationIds: idList(),
}).transform(({ endObligations, obligationIds, ...rest }) => ({ ...rest, endObligationIds: endObligations ? obligationIds : [] }));
// Callers other than the form (scripts, tests) may leave the obligations out: none are ended.
export type AgreementStatusInput = Omit<z.infer<typeof agreementStatusSchema>, 'endObligationIds'> & { endObligationIds?: number[] };

/** A document: a file (checked apart from this schema) or a link, with an optional title. */
export const documentSchema = z.object({
  title: optionalText(200),
  url: optionalLink(),
});

export const removeDocumentSchema = z.object({ attachmentId: id() });

export const AGREEMENT_SORTS = ['title', 'startsOn', 'endsOn', 'reviewOn', 'status'] as const;
export type AgreementSort = (typeof AGREEMENT_SORTS)[number];

export const agreementFiltersSchema = z.object({
  status: optionalChoice(AGREEMENT_STATUSES).catch(undefined),
  kind: optionalChoice(AGREEMENT_KINDS).catch(undefined),
  stakeholderId: optionalId().catch(undefined),
});
export type AgreementFilters = z.infer<typeof agreementFiltersSchema>;
