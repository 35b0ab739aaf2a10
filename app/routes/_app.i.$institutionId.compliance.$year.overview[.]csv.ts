import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';
import { overviewCsv } from '~/modules/governance/exports.server';
import { overviewExport } from '~/modules/governance/overview-export.server';
import { csvResponse } from '~/utils/csv';

// The overview as CSV: exactly the statements the page shows with these filters, in its order.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params);
  const { rows, t, language, filename } = await overviewExport(request, actor, institution.id, params.year, 'csv');
  return csvResponse(overviewCsv(rows, t, language), filename);
}
