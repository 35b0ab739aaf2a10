import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { mergeAction, mergePageData } from '~/modules/parties/actions.server';
import { MergeView } from '~/modules/parties/components/merge-view';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

// Merging folds a duplicate away: managers only, for the page and for the confirmation.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'manage');
  const data = await mergePageData(institution.id, 'organisation', idParam(params.organisationId), new URL(request.url).searchParams);
  if (!data) throw notFound();
  return json({ institution, ...data });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireInstitution(request, params, 'manage');
  return mergeAction(request, access, 'organisation', idParam(params.organisationId));
}

export default function MergeOrganisation() {
  const { institution, ...data } = useLoaderData<typeof loader>();
  const state = useFormState();
  return <MergeView kind="organisation" base={`/i/${institution.id}/parties/organisations`} {...data} state={state} />;
}
