import { z } from 'zod';
import { compareDays, isDay, type Day } from '~/utils/dates';
import { choice, id, optionalText, requiredText, version } from '~/utils/schema-helpers';
import {
  idList, optionalDay, optionalId, optionalLink, optionalWholeNumber, requiredDay, requiredWholeNumber,
} from './fields';
import {
  isMonthDay, leadTimeExceedsInterval, MOMENT_STATUSES, OBLIGATION_FORMS, RECURRENCE_KINDS, REPORTS_ON, type Recurrence,
} from './rules';

/** Long enough for a visitatie (every 4 years) with room to spare; beyond it a typo is likelier. */
export const MAX_INTERVAL = 120;
export const MAX_LEAD_TIME_DAYS = 366;

const obligationFields = z.object({
  title: requiredText(200),
  description: optionalText(10_000),
  // To whom: stakeholders of the register, a named forum (supervisory board, DUO, Aw, IGJ…), or both.
  stakeholderIds: idList(),
  forum: optionalText(120),
  form: choice(OBLIGATION_FORMS),
  basis: optionalText(300),
  provisionIds: idList(),
  responsibleUserId: id(),
  leadTimeDays: requiredWholeNumber(),
  recurrenceKind: choice(RECURRENCE_KINDS),
  recurrenceInterval: optionalWholeNumber(),
  recurrenceDay: optionalWholeNumber(),
  recurrenceMonth: optionalWholeNumber(),
  startsOn: requiredDay(),
  endsOn: optionalDay(),
  reportsOn: choice(REPORTS_ON),
  agreementId: optionalId(),
});

type Fields = z.infer<typeof obligationFields>;

/** The recurrence the fields describe, or the field problems that stop it from being one. */
function recurrenceOf(fields: Fields): { recurrence?: Recurrence; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (fields.recurrenceKind === 'once') return { recurrence: { kind: 'once' }, errors };
  const interval = fields.recurrenceInterval;
  if (interval === undefined) errors.recurrenceInterval = 'common:errors.required';
  else if (interval <= 0) errors.recurrenceInterval = 'obligations:form.intervalPositive';
  else if (interval > MAX_INTERVAL) errors.recurrenceInterval = 'obligations:form.intervalTooLarge';
  const day = fields.recurrenceDay;
  if (day === undefined) errors.recurrenceDay = 'common:errors.required';
  else if (day < 1 || day > 31) errors.recurrenceDay = 'obligations:form.dayOfMonth';
  if (fields.recurrenceKind === 'monthly') {
    return Object.keys(errors).length ? { errors } : { recurrence: { kind: 'monthly', interval: interval!, day: day! }, errors };
  }
  const month = fields.recurrenceMonth;
  if (month === undefined) errors.recurrenceMonth = 'common:errors.required';
  else if (month < 1 || month > 12) errors.recurrenceMonth = 'common:errors.invalidChoice';
  if (Object.keys(errors).length) return { errors };
  const monthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // 31 April never comes; 29 February does (and falls on the 28th in common years).
  if (!isMonthDay(monthDay)) return { errors: { recurrenceDay: 'obligations:form.noSuchDate' } };
  return { recurrence: { kind: 'yearly', interval: interval!, monthDay }, errors };
}

function refine(fields: Fields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
  if (fields.stakeholderIds.length === 0 && !fields.forum) issue('forum', 'obligations:form.toWhomRequired');
  if (fields.leadTimeDays < 0 || fields.leadTimeDays > MAX_LEAD_TIME_DAYS) issue('leadTimeDays', 'obligations:form.leadTimeRange');
  if (fields.recurrenceKind !== 'once' && fields.endsOn && compareDays(fields.endsOn, fields.startsOn) < 0) {
    issue('endsOn', 'obligations:form.endBeforeStart');
  }
  const { recurrence, errors } = recurrenceOf(fields);
  for (const [path, message] of Object.entries(errors)) issue(path, message);
  if (recurrence && fields.leadTimeDays >= 0 && leadTimeExceedsInterval(recurrence, fields.leadTimeDays)) {
    issue('leadTimeDays', 'obligations:form.leadTimeExceedsInterval');
  }
}

/** What the mutations take: the recurrence as one value; a one-off has no end of its own. */
function toInput(fields: Fields) {
  const { recurrence } = recurrenceOf(fields);
  return {
    title: fields.title,
    description: fields.description ?? null,
    stakeholderIds: fields.stakeholderIds,
    forum: fields.forum ?? null,
    form: fields.form,
    basis: fields.basis ?? null,
    provisionIds: fields.provisionIds,
    responsibleUserId: fields.responsibleUserId,
    leadTimeDays: fields.leadTimeDays,
    recurrence: recurrence!,
    startsOn: fields.startsOn as Day,
    endsOn: fields.recurrenceKind === 'once' ? null : ((fields.endsOn as Day | undefined) ?? null),
    reportsOn: fields.reportsOn,
    agreementId: fields.agreementId ?? null,
  };
}

export const obligationSchema = obligationFields.superRefine(refine).transform(toInput);
export type ObligationInput = z.output<typeof obligationSchema>;

export const obligationUpdateSchema = obligationFields
  .extend({ version: version() })
  .superRefine(refine)
  .transform((fields) => ({ ...toInput(fields), version: fields.version }));
export type ObligationUpdateInput = z.output<typeof obligationUpdateSchema>;

export const obligationActiveSchema = z.object({ active: z.enum(['true', 'false']).transform((v) => v === 'true'), version: version() });

export const OBLIGATION_SORTS = ['title', 'form', 'startsOn'] as const;
export type ObligationSort = (typeof OBLIGATION_SORTS)[number];

export const obligationFiltersSchema = z.object({
  form: z.preprocess((v) => (v === '' ? undefined : v), z.enum(OBLIGATION_FORMS).optional()).catch(undefined),
  responsible: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()).catch(undefined),
  state: z.enum(['active', 'inactive', 'all']).catch('active'),
});
export type ObligationFilters = z.infer<typeof obligationFiltersSchema>;

// ---------------------------------------------------------------------------------------------
// Reporting moments

/** Recording that account was rendered: not on a day still to come. */
export const renderSchema = (today: Day) =>
  z.object({
    renderedOn: requiredDay().refine((day) => !isDay(day) || compareDays(day, today) <= 0, 'obligations:moment.renderedInFuture'),
    renderedByUserId: optionalId(),
    note: optionalText(10_000),
    evidenceTitle: optionalText(200),
    evidenceUrl: optionalLink(),
    version: version(),
  });
export type RenderInput = z.infer<ReturnType<typeof renderSchema>>;

export const waiveSchema = z.object({
  reason: requiredText(2000),
  version: version(),
});

export const versionOnlySchema = z.object({ version: version() });

export const evidenceSchema = z.object({
  evidenceTitle: optionalText(200),
  evidenceUrl: optionalLink(),
});

export const removeEvidenceSchema = z.object({ attachmentId: id() });

// ---------------------------------------------------------------------------------------------
// The calendar's filters, all in the URL

export const MOMENT_STATUS_FILTERS = ['open', 'all', ...MOMENT_STATUSES] as const;
export type MomentStatusFilter = (typeof MOMENT_STATUS_FILTERS)[number];

export const MOMENT_SORTS = ['dueOn', 'obligation', 'status'] as const;
export type MomentSort = (typeof MOMENT_SORTS)[number];

export type MomentFilters = {
  status: MomentStatusFilter;
  /** A user id; `me` is resolved to the signed-in user before it gets here. */
  responsible?: number;
  stakeholderId?: number;
  obligationId?: number;
  /** Part of an obligation's title or of a linked stakeholder's name, any case. */
  q?: string;
  from?: Day;
  to?: Day;
};

/** A search term longer than any title or name is a paste accident, not a search. */
export const MAX_MOMENT_SEARCH = 200;

const urlId = () => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().positive().optional()).catch(undefined);
const urlDay = () => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().refine(isDay).optional()).catch(undefined);

const filterParams = z.object({
  // Without a status in the URL the calendar shows what still asks for something.
  status: z.enum(MOMENT_STATUS_FILTERS).catch('open'),
  responsible: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.union([z.literal('me'), z.coerce.number().int().positive()]).optional()).catch(undefined),
  stakeholderId: urlId(),
  obligationId: urlId(),
  q: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\0/g, '').trim() || undefined : undefined), z.string().max(MAX_MOMENT_SEARCH).optional()).catch(undefined),
  from: urlDay(),
  to: urlDay(),
});

/**
 * The calendar's filters from its URL. A bad value is dropped (the calendar still shows), `me`
 * becomes the user's own id, and a reversed period is swapped rather than showing nothing.
 */
export function parseMomentFilters(
  searchParams: URLSearchParams, userId: number, defaultStatus: MomentStatusFilter = 'open',
): MomentFilters & { responsibleParam?: string } {
  const raw = filterParams.parse({
    status: searchParams.get('status') ?? defaultStatus,
    responsible: searchParams.get('responsible') ?? undefined,
    stakeholderId: searchParams.get('stakeholderId') ?? undefined,
    obligationId: searchParams.get('obligationId') ?? undefined,
    q: searchParams.get('q') ?? undefined,
    from: searchParams.get('from') ?? undefined,
    to: searchParams.get('to') ?? undefined,
  });
  let { from, to } = raw;
  if (from && to && compareDays(from, to) > 0) [from, to] = [to, from];
  return {
    status: raw.status,
    responsible: raw.responsible === 'me' ? userId : raw.responsible,
    responsibleParam: raw.responsible === undefined ? undefined : String(raw.responsible),
    stakeholderId: raw.stakeholderId,
    obligationId: raw.obligationId,
    q: raw.q,
    from,
    to,
  };
}

/** `YYYY-MM` of the month view; anything else falls back to today's month. */
export function parseMonth(value: string | null, today: Day): Day {
  if (value && /^\d{4}-\d{2}$/.test(value) && isDay(`${value}-01`)) return `${value}-01`;
  return `${today.slice(0, 7)}-01`;
}
