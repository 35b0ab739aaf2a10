import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { EngagementFields } from '~/modules/stakeholders/components/engagement-form';
import { updateEngagement } from '~/modules/stakeholders/engagement-mutations.server';
import { engagementFormOptions, getEngagement, getEngagementLinks } from '~/modules/stakeholders/engagement-queries.server';
import { engagementUpdateSchema } from '~/modules/stakeholders/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const engagementId = idParam(params.engagementId);
  const engagement = await getEngagement(institution.id, engagementId);
  if (!engagement) throw notFound();
  const [options, links] = await Promise.all([engagementFormOptions(institution.id), getEngagementLinks(engagementId)]);
  // Someone who took part in a position that has since ended is still offered, so a correction keeps them.
  const offered = new Set(options.participants.map((p) => p.value));
  for (const p of engagement.participants) {
    const value = p.positionId ? `position:${p.positionId}` : `person:${p.personId}`;
    if (!offered.has(value)) options.participants.unshift({ value, label: p.positionTitle ? `${p.name} — ${p.positionTitle}` : p.name, group: p.organisationName });
  }
  return json({ institution, engagement, options, links, today: today() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const engagementId = idParam(params.engagementId);
  const formData = await request.formData();
  const form = parseForm(engagementUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => updateEngagement(actor, { institutionId: institution.id, engagementId, ...form.data }), () =>
    redirectWithToast(request, `/i/${institution.id}/engagements/${engagementId}`, 'common:toast.saved'));
}

export default function EditEngagement() {
  const { t } = useTranslation('stakeholders');
  const { institution, engagement, options, links, today } = useLoaderData<typeof loader>();
  const state = useFormState();
  const back = `/i/${institution.id}/engagements/${engagement.id}`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={back}>{engagement.subject}</Link></p>
      <h1>{t('engagements.editTitle')}</h1>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <input type="hidden" name="version" value={engagement.version} />
        <EngagementFields
          options={options} state={state} today={today}
          defaults={{ ...engagement, ...links, followUpOwnerUserId: engagement.followUpOwnerUserId }}
        />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('common:actions.save')}</SubmitButton>
          <Link to={back}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
