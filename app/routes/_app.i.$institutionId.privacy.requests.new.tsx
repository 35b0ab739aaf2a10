import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, SubmitButton, TextField, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { listPersonOptions } from '~/modules/parties/queries.server';
import { logRequest } from '~/modules/privacy/mutations.server';
import { REQUEST_KINDS } from '~/modules/privacy/rules';
import { requestCreateSchema } from '~/modules/privacy/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const persons = await listPersonOptions(institution.id);
  // From a person's privacy page: the request is about that person.
  const personId = Number(new URL(request.url).searchParams.get('personId')) || null;
  return json({ institution, persons, today: today(), personId: persons.some((p) => p.id === personId) ? personId : null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const form = parseForm(requestCreateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(
    formValues(formData),
    () => logRequest(actor, { institutionId: institution.id, ...form.data }),
    ({ id }) => redirectWithToast(request, `/i/${institution.id}/privacy/requests/${id}`, 'privacy:toast.requestLogged'),
  );
}

export default function NewRequest() {
  const { t } = useTranslation('privacy');
  const { institution, persons, today, personId } = useLoaderData<typeof loader>();
  const state = useFormState();
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/privacy`}>{t('requests.title')}</Link></p>
      <h1>{t('requests.newTitle')}</h1>
      <p className="subtitle">{t('requests.newIntro')}</p>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <SelectField
          name="kind" label={t('fields.kind')} required state={state} emptyLabel={t('requests.chooseKind')}
          options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <SelectField
          name="personId" label={t('fields.person')} hint={t('requests.personHint')} state={state} defaultValue={personId}
          emptyLabel={t('requests.noPerson')}
          options={persons.map((p) => ({ value: String(p.id), label: p.city ? `${p.label} (${p.city})` : p.label }))}
        />
        <TextField name="requester" label={t('fields.requester')} hint={t('requests.requesterHint')} state={state} />
        <TextField name="receivedOn" type="date" label={t('fields.receivedOn')} hint={t('requests.receivedHint')} required max={today} defaultValue={today} state={state} />
        <div className="form-actions">
          <SubmitButton>{t('requests.log')}</SubmitButton>
          <Link to={`/i/${institution.id}/privacy`}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
