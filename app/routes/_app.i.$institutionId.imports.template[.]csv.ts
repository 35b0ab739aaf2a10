import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';
import { COLUMN_KEYS, TEMPLATE_HEADERS } from '~/modules/imports/columns';
import { csvResponse } from '~/utils/csv';

/**
 * The empty import template, headers only: Dutch headers separated by semicolons (what Excel on a
 * Dutch machine reads and writes), or English ones separated by commas.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireInstitution(request, params, 'write');
  const dutch = new URL(request.url).searchParams.get('headers') !== 'en';
  const headers = COLUMN_KEYS.map((key) => TEMPLATE_HEADERS[dutch ? 'nl' : 'en'][key]);
  return csvResponse(`${headers.join(dutch ? ';' : ',')}\r\n`, dutch ? 'horizon-import-sjabloon.csv' : 'horizon-import-template.csv');
}
