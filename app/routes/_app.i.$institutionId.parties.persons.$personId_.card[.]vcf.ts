import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';
import { recordPersonExport } from '~/modules/parties/mutations.server';
import { getPersonCard } from '~/modules/parties/queries.server';
import { personVCard } from '~/modules/parties/vcard';
import { notFound } from '~/utils/errors';
import { env } from '~/utils/env.server';
import { idParam } from '~/utils/route-params';

// A person as a business card for an address book: whoever may read the person page may take it, audited as an export.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params);
  const personId = idParam(params.personId);
  const card = await getPersonCard(institution.id, personId);
  if (!card) throw notFound();
  const uid = `${env().APP_URL.replace(/\/$/, '')}/i/${institution.id}/parties/persons/${personId}`;
  await recordPersonExport(actor, { institutionId: institution.id, personId, format: 'vcard' });
  return new Response(personVCard(card.person, card.positions, uid), {
    headers: {
      'Content-Type': 'text/vcard; charset=utf-8',
      'Content-Disposition': `attachment; filename="person-${personId}.vcf"`,
      'Cache-Control': 'no-store',
    },
  });
}
