import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { EngagementFields } from '~/modules/stakeholders/components/engagement-form';
import { recordEngagement } from '~/modules/stakeholders/engagement-mutations.server';
import { engagementFormOptions } from '~/modules/stakeholders/engagement-queries.server';
import { engagementSchema } from '~/modules/stakeholders/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const options = await engagementFormOptions(institution.id);
  // Opened from a stakeholder's page: that stakeholder is ticked (only if it is one of ours).
  const preset = new URL(request.url).searchParams.getAll('stakeholderId').filter((id) => options.stakeholders.some((s) => String(s.id) === id));
  return json({ institution, options, preset, today: today() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const form = parseForm(engagementSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => recordEngagement(actor, { institutionId: institution.id, ...form.data }), (created) =>
    redirectWithToast(request, `/i/${institution.id}/engagements/${created.id}`, 'stakeholders:toast.engagementRecorded'));
}

export default function NewEngagement() {
  const { t } = useTranslation('stakeholders');
  const { institution, options, preset, today } = useLoaderData<typeof loader>();
  const state = useFormState();
  const back = preset.length === 1 ? `/i/${institution.id}/stakeholders/${preset[0]}/engagements` : `/i/${institution.id}/engagements`;
  return (
    <>
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/engagements`}>{t('engagements.title')}</Link></p>
      <h1>{t('engagements.newTitle')}</h1>
      <AreaNav institutionId={institution.id} />
      <div className="main-narrow">
        {options.stakeholders.length === 0 ? <div className="notice notice-info">{t('engagements.noStakeholdersYet')}</div> : null}
        <Form method="post" className="card stack" noValidate>
          <FormError message={state.formError} />
          <EngagementFields options={options} defaults={{ stakeholderIds: preset }} state={state} today={today} />
          <div className="form-actions">
            <SubmitButton pendingLabel={t('common:actions.saving')}>{t('engagements.save')}</SubmitButton>
            <Link to={back}>{t('common:actions.cancel')}</Link>
          </div>
        </Form>
      </div>
    </>
  );
}
