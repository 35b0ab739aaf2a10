import type { LoaderFunctionArgs } from '@remix-run/node';
import { getFixedT, getLocale } from '~/i18n/i18next.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { momentsXlsx } from '~/modules/obligations/exports.server';
import { recordMomentsExport } from '~/modules/obligations/mutations.server';
import { listMomentsForExport } from '~/modules/obligations/queries.server';
import { MOMENT_SORTS, parseMomentFilters } from '~/modules/obligations/schema';
import { today } from '~/utils/dates';
import { parseListParams } from '~/utils/list-params';
import { xlsxResponse } from '~/utils/xlsx.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, user, actor } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const day = today();
  const { responsibleParam: _, ...filters } = parseMomentFilters(searchParams, user.id);
  const { sort, dir } = parseListParams(searchParams, MOMENT_SORTS, { sort: 'dueOn', dir: 'asc' });
  const rows = await listMomentsForExport(institution.id, filters, { sort, dir }, day);
  const locale = (await getLocale(request)) === 'en' ? 'en' : 'nl';
  const t = await getFixedT(request, ['calendar', 'obligations', 'common']);
  await recordMomentsExport(actor, { institutionId: institution.id, format: 'xlsx', rows: rows.length, filters });
  return xlsxResponse(await momentsXlsx(rows, t, locale), `moments-${day}.xlsx`);
}
