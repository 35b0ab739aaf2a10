import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormState } from '~/components/form';
import { AgreementForm } from '~/modules/agreements/components/agreement-form';
import { updateAgreement } from '~/modules/agreements/mutations.server';
import { getAgreement, getAgreementFormOptions } from '~/modules/agreements/queries.server';
import { agreementUpdateSchema } from '~/modules/agreements/schema';
import { requireInstitution } from '~/modules/auth/guards.server';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const agreement = await getAgreement(institution.id, idParam(params.agreementId));
  if (!agreement) throw notFound();
  return json({ institution, agreement, ...(await getAgreementFormOptions(institution.id)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const agreementId = idParam(params.agreementId);
  const formData = await request.formData();
  const form = parseForm(agreementUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(
    formValues(formData),
    () => updateAgreement(actor, { institutionId: institution.id, agreementId, ...form.data }),
    () => redirectWithToast(request, `/i/${institution.id}/agreements/${agreementId}`, 'agreements:toast.saved'),
  );
}

export default function EditAgreement() {
  const { t } = useTranslation('agreements');
  const { institution, agreement: a, stakeholders, members } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={`${base}/agreements/${a.id}`}>{a.title}</Link></p>
      <h1>{t('form.editTitle')}</h1>
      <AgreementForm
        defaults={{ ...a, stakeholderIds: a.parties.map((p) => p.id) }}
        state={state}
        stakeholders={stakeholders}
        members={members}
        submitLabel={t('form.save')}
        cancelHref={`${base}/agreements/${a.id}`}
        stakeholdersHref={`${base}/stakeholders`}
      />
    </div>
  );
}
