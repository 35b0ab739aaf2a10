import type { LoaderFunctionArgs } from '@remix-run/node';
import { getFixedT, getLocale } from '~/i18n/i18next.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { momentsCsv } from '~/modules/obligations/exports.server';
import { recordMomentsExport } from '~/modules/obligations/mutations.server';
import { listMomentsForExport } from '~/modules/obligations/queries.server';
import { MOMENT_SORTS, parseMomentFilters } from '~/modules/obligations/schema';
import { csvResponse } from '~/utils/csv';
import { today } from '~/utils/dates';
import { parseListParams } from '~/utils/list-params';

// The agenda's rows with the agenda's filters and order, guarded like the calendar page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, user, actor } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const day = today();
  const { responsibleParam: _, ...filters } = parseMomentFilters(searchParams, user.id);
  const { sort, dir } = parseListParams(searchParams, MOMENT_SORTS, { sort: 'dueOn', dir: 'asc' });
  const rows = await listMomentsForExport(institution.id, filters, { sort, dir }, day);
  const locale = (await getLocale(request)) === 'en' ? 'en' : 'nl';
  const t = await getFixedT(request, ['calendar', 'obligations', 'common']);
  await recordMomentsExport(actor, { institutionId: institution.id, format: 'csv', rows: rows.length, filters });
  return csvResponse(momentsCsv(rows, t, locale), `moments-${day}.csv`);
}
