import { json } from '@remix-run/node';
import { z } from 'zod';
import type { Actor } from '~/modules/audit/actor';
import { attempt, domainErrorResponse, invalidForm } from '~/utils/action-errors.server';
import { formValues, parseForm, type FormValues } from '~/utils/forms';
import { version } from '~/utils/schema-helpers';
import { redirectWithToast } from '~/utils/session.server';
import { DomainError } from '~/utils/errors';
import { getMergePreview, mergeOrganisations, mergePersons, type MergeKind, type MergePreview } from './merge.server';
import { DuplicatesFound, setPartyActive, verifyParty } from './mutations.server';
import {
  findOrganisationMatches, findPersonMatches, getOrganisation, getPerson, listMergeTargets, type PartyMatch,
} from './queries.server';
import { afterCreate } from './paths';
import { mergeSchema } from './schema';

export type DuplicatesAnswer = { duplicates: PartyMatch[]; values: FormValues; errors: Record<string, never> };

/**
 * Runs a create that checks for duplicates first: likely matches come back (409, nothing written)
 * for the form to show with their reasons; any other refusal as the usual field messages.
 */
export async function createOrShowDuplicates<T>(values: FormValues, work: () => Promise<T>, then: (result: T) => Response | Promise<Response>) {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    if (error instanceof DuplicatesFound) {
      const { createAnyway: _ignored, ...kept } = values;
      return json<DuplicatesAnswer>({ duplicates: error.matches, values: kept, errors: {} }, { status: 409 });
    }
    return domainErrorResponse(error, values);
  }
  return then(result);
}


const partyIntent = z.object({ intent: z.enum(['verify', 'deactivate', 'reactivate']), version: version() });

/** The buttons on a person's or organisation's page: confirm the details, deactivate, reactivate. */
export async function partyPageAction(
  request: Request,
  access: { actor: Actor; institution: { id: number } },
  kind: 'person' | 'organisation',
  id: number,
) {
  const formData = await request.formData();
  const form = parseForm(partyIntent, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const ref = { institutionId: access.institution.id, kind, id };
  const { intent, version: formVersion } = form.data;
  return attempt(
    formValues(formData),
    () => (intent === 'verify'
      ? verifyParty(access.actor, ref)
      : setPartyActive(access.actor, { ...ref, active: intent === 'reactivate', version: formVersion })),
    () => redirectWithToast(request, new URL(request.url).pathname, `parties:toast.${intent}`),
  );
}

/**
 * What the merge page shows for `sourceId`: likely duplicates, search results, and — once a
 * survivor is chosen in the URL — the preview of what moves (or why it cannot).
 */
export async function mergePageData(institutionId: number, kind: MergeKind, sourceId: number, searchParams: URLSearchParams) {
  const source = await Promise.resolve(kind === 'person' ? getPerson(institutionId, sourceId) : getOrganisation(institutionId, sourceId));
  if (!source) return null;
  const record = 'person' in source ? source.person : source.organisation;
  const label = 'person' in source ? source.person.displayName : source.organisation.name;
  if (record.mergedIntoId) return null;
  const q = searchParams.get('q')?.trim().slice(0, 100) ?? '';
  const survivorId = Number(searchParams.get('survivorId'));
  const [likely, candidates] = await Promise.all([
    kind === 'person'
      ? findPersonMatches(institutionId, record as Parameters<typeof findPersonMatches>[1], sourceId)
      : findOrganisationMatches(institutionId, record as Parameters<typeof findOrganisationMatches>[1], sourceId),
    q ? listMergeTargets(institutionId, kind, sourceId, q) : Promise.resolve([]),
  ]);
  let preview: MergePreview | null = null;
  let previewError: string | null = null;
  if (Number.isSafeInteger(survivorId) && survivorId > 0) {
    try {
      preview = await getMergePreview(kind, { institutionId, sourceId, survivorId });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      previewError = error.messageKey;
    }
  }
  return {
    source: { id: sourceId, label },
    likely: likely.filter((m) => m.active).map((m) => ({ id: m.id, label: m.label, detail: m.detail })),
    candidates,
    q,
    preview,
    previewError,
  };
}

/** The merge confirmation: the survivor from the form, the confirmation ticked; then to the survivor's page. */
export async function mergeAction(request: Request, access: { actor: Actor; institution: { id: number } }, kind: MergeKind, sourceId: number) {
  const formData = await request.formData();
  const form = parseForm(mergeSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const input = { institutionId: access.institution.id, sourceId, survivorId: form.data.survivorId };
  return attempt(
    formValues(formData),
    () => (kind === 'person' ? mergePersons(access.actor, input) : mergeOrganisations(access.actor, input)),
    ({ survivorId }) => redirectWithToast(request, afterCreate(access.institution.id, kind, survivorId, null), 'parties:toast.merged'),
  );
}
