import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';
import { fileResponse, getAttachmentFile } from '~/modules/obligations/attachments.server';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

// Evidence is read like the moment it belongs to: a member of its institution; another institution's → 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const file = await getAttachmentFile(
    { institutionId: institution.id, reportingMomentId: idParam(params.momentId) },
    idParam(params.attachmentId),
  );
  if (!file) throw notFound();
  return fileResponse(file);
}
