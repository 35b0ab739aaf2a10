import { getFixedT, getLocale } from '~/i18n/i18next.server';
import type { Actor } from '~/modules/audit/actor';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { recordComplianceExport } from './mutations.server';
import { getYearState, listStatements } from './queries.server';
import { parseOverviewFilters, parseYearParam } from './schema';

/**
 * What the CSV and the Excel download of a year's overview share: exactly the statements the page
 * shows with the URL's filters, in its order, the reader's language, and the audit event of the
 * export. The caller has authorised the actor for the institution; an unknown year is a 404.
 */
export async function overviewExport(
  request: Request, actor: Actor, institutionId: number, yearParam: string | undefined, format: 'csv' | 'xlsx',
) {
  const year = parseYearParam(yearParam);
  if (year === null || !(await getYearState(institutionId, year))) throw notFound();
  const filters = parseOverviewFilters(new URL(request.url).searchParams);
  const rows = await listStatements(institutionId, year, filters, today());
  const language = (await getLocale(request)) === 'en' ? 'en' : 'nl';
  const t = await getFixedT(request, ['compliance', 'governance', 'common']);
  await recordComplianceExport(actor, { institutionId, year, format, rows: rows.length, filters });
  return { year, rows, language, t, filename: `governance-code-${institutionId}-${year}.${format}` } as const;
}
