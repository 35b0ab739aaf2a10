import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { Fact } from '~/modules/parties/components/party-view';
import { MitchellLabel, QuadrantBadge, TierBadge, useDays } from '~/modules/stakeholders/components/labels';
import { StakeholderFields } from '~/modules/stakeholders/components/stakeholder-fields';
import { updateStakeholder } from '~/modules/stakeholders/mutations.server';
import { getStakeholder, listOwnerOptions } from '~/modules/stakeholders/queries.server';
import { stakeholderUpdateSchema } from '~/modules/stakeholders/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const stakeholder = await getStakeholder(institution.id, idParam(params.stakeholderId));
  if (!stakeholder) throw notFound();
  const owners = can.write ? await listOwnerOptions(institution.id) : [];
  return json({ institution, can, stakeholder, owners });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const stakeholderId = idParam(params.stakeholderId);
  const formData = await request.formData();
  const form = parseForm(stakeholderUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => updateStakeholder(actor, { institutionId: institution.id, stakeholderId, ...form.data }), () =>
    redirectWithToast(request, `/i/${institution.id}/stakeholders/${stakeholderId}`, 'common:toast.saved'));
}

export default function StakeholderProfile() {
  const { t } = useTranslation('stakeholders');
  const { day } = useDays();
  const { institution, can, stakeholder, owners } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}/stakeholders/${stakeholder.id}`;
  return (
    <div className="grid grid-2">
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('profile.title')}</h2>
        <dl className="facts">
          <Fact label={t('fields.party')}>{stakeholder.party.name}{stakeholder.party.detail ? ` (${stakeholder.party.detail})` : ''}</Fact>
          <Fact label={t('fields.category')}>{t(`categories.${stakeholder.category}`)}</Fact>
          <Fact label={t('fields.tier')}><TierBadge tier={stakeholder.tier} /> {stakeholder.tierRationale}</Fact>
          <Fact label={t('fields.owner')}>{stakeholder.ownerName}</Fact>
          <Fact label={t('fields.status')}>{t(`statuses.${stakeholder.status}`)}</Fact>
          <Fact label={t('fields.description')}>{stakeholder.description}</Fact>
        </dl>
        <h3>{t('profile.latestSalience')}</h3>
        {stakeholder.assessedOn ? (
          <dl className="facts">
            <Fact label={t('fields.assessedOn')}>{day(stakeholder.assessedOn)}</Fact>
            <Fact label={t('fields.power')}>{stakeholder.power}</Fact>
            <Fact label={t('fields.interest')}>{stakeholder.interest}</Fact>
            <Fact label={t('fields.quadrant')}><QuadrantBadge quadrant={stakeholder.quadrant} /> <span className="muted">{t(`quadrantAdvice.${stakeholder.quadrant}`)}</span></Fact>
            <Fact label={t('fields.mitchellClass')}><MitchellLabel value={stakeholder.mitchellClass} /></Fact>
          </dl>
        ) : (
          <p className="empty">{t('profile.notAssessed')} {can.write ? <Link to={`${base}/salience`}>{t('profile.assessNow')}</Link> : null}</p>
        )}
      </section>
      {can.write ? (
        <section className="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('profile.edit')}</h2>
          {/* Keyed by version: after a save the fields start again from the stored record. */}
          <Form method="post" className="stack" noValidate key={stakeholder.version}>
            <FormError message={state.formError} />
            <input type="hidden" name="version" value={stakeholder.version} />
            <StakeholderFields stakeholder={stakeholder} owners={owners} state={state} />
            <div className="form-actions">
              <SubmitButton pendingLabel={t('common:actions.saving')}>{t('common:actions.save')}</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
