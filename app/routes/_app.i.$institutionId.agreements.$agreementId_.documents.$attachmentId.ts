import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';
import { fileResponse, getAttachmentFile } from '~/modules/obligations/attachments.server';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

// A document is read like its agreement: members of the agreement's institution; any other → 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const file = await getAttachmentFile(
    { institutionId: institution.id, agreementId: idParam(params.agreementId) },
    idParam(params.attachmentId),
  );
  if (!file) throw notFound();
  return fileResponse(file);
}
