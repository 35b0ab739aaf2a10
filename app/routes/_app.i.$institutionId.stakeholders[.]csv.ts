import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';
import { getFixedT } from '~/i18n/i18next.server';
import { exportStakeholders } from '~/modules/stakeholders/exports.server';
import { parseStakeholderFilters, STAKEHOLDER_SORTS } from '~/modules/stakeholders/schema';
import { csvResponse } from '~/utils/csv';
import { today } from '~/utils/dates';
import { parseListParams } from '~/utils/list-params';

// The register as CSV: exactly the rows its page shows with these filters, in that order, all pages.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, STAKEHOLDER_SORTS, { sort: 'name' });
  const filters = parseStakeholderFilters(searchParams);
  const t = await getFixedT(request, ['stakeholders', 'common']);
  const csv = await exportStakeholders(actor, institution.id, filters, list, t);
  return csvResponse(csv, `stakeholders-${institution.id}-${today()}.csv`);
}
