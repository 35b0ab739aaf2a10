import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { createOrShowDuplicates, type DuplicatesAnswer } from '~/modules/parties/actions.server';
import { afterCreate } from '~/modules/parties/paths';
import { CreateAnywayButton, DuplicateMatches } from '~/modules/parties/components/duplicate-matches';
import { OrganisationFields, VerifiedField } from '~/modules/parties/components/party-fields';
import { createOrganisation } from '~/modules/parties/mutations.server';
import { organisationCreateSchema } from '~/modules/parties/schema';
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
  const form = parseForm(organisationCreateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const then = new URL(request.url).searchParams.get('then');
  return createOrShowDuplicates(formValues(formData), () => createOrganisation(actor, { institutionId: institution.id, ...form.data }), (created) =>
    redirectWithToast(request, afterCreate(institution.id, 'organisation', created.id, then), 'parties:toast.organisationCreated'));
}

export default function NewOrganisation() {
  const { t } = useTranslation('parties');
  const { institution, then } = useLoaderData<typeof loader>();
  const state = useFormState();
  const answer = useActionData<Partial<DuplicatesAnswer>>();
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/parties/organisations`}>{t('organisations.title')}</Link></p>
      <h1>{t('organisations.newTitle')}</h1>
      <p className="subtitle">{t('organisations.newIntro')}</p>
      {answer?.duplicates ? (
        <DuplicateMatches matches={answer.duplicates} existingHref={(id) => afterCreate(institution.id, 'organisation', id, then)} />
      ) : null}
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <OrganisationFields state={state} />
        <VerifiedField defaultChecked state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('organisations.create')}</SubmitButton>
          {answer?.duplicates ? <CreateAnywayButton /> : null}
          <Link to={`/i/${institution.id}/parties/organisations`}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
