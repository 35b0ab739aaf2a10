import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormState } from '~/components/form';
import { AgreementForm } from '~/modules/agreements/components/agreement-form';
import { createAgreement } from '~/modules/agreements/mutations.server';
import { getAgreementFormOptions } from '~/modules/agreements/queries.server';
import { agreementSchema } from '~/modules/agreements/schema';
import { requireInstitution } from '~/modules/auth/guards.server';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, user } = await requireInstitution(request, params, 'write');
  return json({ institution, userId: user.id, today: today(), ...(await getAgreementFormOptions(institution.id)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const form = parseForm(agreementSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(
    formValues(formData),
    () => createAgreement(actor, { institutionId: institution.id, ...form.data }),
    ({ id }) => redirectWithToast(request, `/i/${institution.id}/agreements/${id}`, 'agreements:toast.created'),
  );
}

export default function NewAgreement() {
  const { t } = useTranslation('agreements');
  const { institution, userId, today: day, stakeholders, members } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={`${base}/agreements`}>{t('list.title')}</Link></p>
      <h1>{t('form.newTitle')}</h1>
      <AgreementForm
        defaults={{ stakeholderIds: [], startsOn: day, ownerUserId: members.some((m) => m.id === userId) ? userId : null }}
        state={state}
        stakeholders={stakeholders}
        members={members}
        submitLabel={t('form.create')}
        cancelHref={`${base}/agreements`}
        stakeholdersHref={`${base}/stakeholders`}
      />
    </div>
  );
}
