import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';
import { recordAccessExport } from '~/modules/privacy/mutations.server';
import { gatherPersonData } from '~/modules/privacy/queries.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

// The access report (art. 15) as a file for the data subject: the same data as its page, audited as an export.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const personId = idParam(params.personId);
  const data = await gatherPersonData(institution.id, personId, today());
  if (!data) throw notFound();
  await recordAccessExport(actor, { institutionId: institution.id, personId, format: 'json' });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="person-${personId}-${data.generatedOn}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
