import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { createOrShowDuplicates, type DuplicatesAnswer } from '~/modules/parties/actions.server';
import { afterCreate } from '~/modules/parties/paths';
import { CreateAnywayButton, DuplicateMatches } from '~/modules/parties/components/duplicate-matches';
import { PersonFields, VerifiedField } from '~/modules/parties/components/party-fields';
import { createPerson } from '~/modules/parties/mutations.server';
import { personCreateSchema } from '~/modules/parties/schema';
import { invalidForm } from '~/utils/action-errors.server';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  return json({ institution, then: new URL(request.url).searchParams.get('then') });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const form = parseForm(personCreateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const then = new URL(request.url).searchParams.get('then');
  return createOrShowDuplicates(formValues(formData), () => createPerson(actor, { institutionId: institution.id, ...form.data }), (created) =>
    redirectWithToast(request, afterCreate(institution.id, 'person', created.id, then), 'parties:toast.personCreated'));
}

export default function NewPerson() {
  const { t } = useTranslation('parties');
  const { institution, then } = useLoaderData<typeof loader>();
  const state = useFormState();
  const answer = useActionData<Partial<DuplicatesAnswer>>();
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/parties/persons`}>{t('persons.title')}</Link></p>
      <h1>{t('persons.newTitle')}</h1>
      <p className="subtitle">{t('persons.newIntro')}</p>
      {answer?.duplicates ? (
        <DuplicateMatches matches={answer.duplicates} existingHref={(id) => afterCreate(institution.id, 'person', id, then)} />
      ) : null}
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <PersonFields state={state} />
        <VerifiedField defaultChecked state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('persons.create')}</SubmitButton>
          {answer?.duplicates ? <CreateAnywayButton /> : null}
          <Link to={`/i/${institution.id}/parties/persons`}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
