import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { requireInstitution } from '~/modules/auth/guards.server';

// The directory opens on its organisations; persons and households are one tab away.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  return redirect(`/i/${institution.id}/parties/organisations`);
}
