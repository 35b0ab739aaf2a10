import type { LoaderFunctionArgs } from '@remix-run/node';
import { getFixedT, getLocale } from '~/i18n/i18next.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { overviewXlsx } from '~/modules/governance/exports.server';
import { recordComplianceExport } from '~/modules/governance/mutations.server';
import { getYearState, listStatements } from '~/modules/governance/queries.server';
import { parseOverviewFilters, parseYearParam } from '~/modules/governance/schema';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { xlsxResponse } from '~/utils/xlsx.server';

// The overview as an Excel workbook: the CSV's rows and columns, typed cells.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params);
  const year = parseYearParam(params.year);
  if (year === null || !(await getYearState(institution.id, year))) throw notFound();
  const filters = parseOverviewFilters(new URL(request.url).searchParams);
  const rows = await listStatements(institution.id, year, filters, today());
  const language = (await getLocale(request)) === 'en' ? 'en' : 'nl';
  const t = await getFixedT(request, ['compliance', 'governance', 'common']);
  await recordComplianceExport(actor, { institutionId: institution.id, year, format: 'xlsx', rows: rows.length, filters });
  return xlsxResponse(await overviewXlsx(rows, t, language, t('compliance:export.sheet', { year })), `governance-code-${institution.id}-${year}.xlsx`);
}
