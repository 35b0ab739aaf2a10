import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { PositionFields } from '~/modules/parties/components/party-fields';
import { updatePosition } from '~/modules/parties/mutations.server';
import { getPosition } from '~/modules/parties/queries.server';
import { positionUpdateSchema } from '~/modules/parties/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const positionId = idParam(params.positionId);
  const position = await getPosition(institution.id, positionId);
  if (!position) throw notFound();
  const history = await listHistory(institution.id, 'position', positionId);
  return json({ institution, position, history });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const positionId = idParam(params.positionId);
  const formData = await request.formData();
  const form = parseForm(positionUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const position = await getPosition(institution.id, positionId);
  if (!position) throw notFound();
  return attempt(formValues(formData), () => updatePosition(actor, { institutionId: institution.id, positionId, ...form.data }), () =>
    redirectWithToast(request, `/i/${institution.id}/parties/persons/${position.personId}`, 'common:toast.saved'));
}

export default function EditPosition() {
  const { t } = useTranslation('parties');
  const { institution, position, history } = useLoaderData<typeof loader>();
  const state = useFormState();
  const back = `/i/${institution.id}/parties/persons/${position.personId}`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={back}>{position.personName}</Link></p>
      <h1>{t('positions.editTitle', { title: position.title, organisation: position.organisationName })}</h1>
      <p className="subtitle">{t('positions.editIntro')}</p>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <input type="hidden" name="version" value={position.version} />
        <PositionFields position={position} state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('common:actions.save')}</SubmitButton>
          <Link to={back}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
      <History events={history.rows} more={history.more} headingLevel={2} />
    </div>
  );
}
