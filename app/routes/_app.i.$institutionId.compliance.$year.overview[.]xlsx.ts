import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';
import { overviewXlsx } from '~/modules/governance/exports.server';
import { overviewExport } from '~/modules/governance/overview-export.server';
import { xlsxResponse } from '~/utils/xlsx.server';

// The overview as an Excel workbook: the CSV's rows and columns, typed cells.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params);
  const { year, rows, t, language, filename } = await overviewExport(request, actor, institution.id, params.year, 'xlsx');
  return xlsxResponse(await overviewXlsx(rows, t, language, t('compliance:export.sheet', { year })), filename);
}
