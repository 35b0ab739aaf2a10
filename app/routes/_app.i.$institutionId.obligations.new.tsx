import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import type { Sector } from '~/modules/institutions/schema';
import { ObligationForm, presetDefaults, type ObligationFormDefaults } from '~/modules/obligations/components/obligation-form';
import { createObligation } from '~/modules/obligations/mutations.server';
import { getObligationFormOptions } from '~/modules/obligations/queries.server';
import { presetsForSector } from '~/modules/obligations/rules';
import { obligationSchema } from '~/modules/obligations/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, user } = await requireInstitution(request, params, 'write');
  const presets = presetsForSector(institution.sector as Sector);
  // Without JavaScript the preset select is a GET form: ?preset=<key> prefills the form below.
  const searchParams = new URL(request.url).searchParams;
  const presetKey = searchParams.get('preset');
  // From an agreement's page: "add an obligation" comes with that agreement chosen.
  const agreementId = Number(searchParams.get('agreementId')) || null;
  const preset = presets.find((p) => p.key === presetKey) ?? null;
  const options = await getObligationFormOptions(institution.id);
  return json({ institution, presets, preset, today: today(), userId: user.id, agreementId: options.agreements.some((a) => a.id === agreementId) ? agreementId : null, ...options });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const form = parseForm(obligationSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(
    formValues(formData),
    () => createObligation(actor, { institutionId: institution.id, ...form.data }),
    ({ id }) => redirectWithToast(request, `/i/${institution.id}/obligations/${id}`, 'obligations:toast.created'),
  );
}

export default function NewObligation() {
  const { t } = useTranslation('obligations');
  const { institution, presets, preset, today, userId, agreementId, stakeholders, members, agreements, provisions } = useLoaderData<typeof loader>();
  const state = useFormState();
  const responsible = members.some((m) => m.id === userId) ? userId : undefined;
  const defaults: ObligationFormDefaults = preset
    ? { ...presetDefaults(preset, t, today), responsibleUserId: responsible, agreementId }
    : { stakeholderIds: [], provisionIds: [], responsibleUserId: responsible, startsOn: today, agreementId };
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/obligations`}>{t('list.title')}</Link></p>
      <h1>{t('form.newTitle')}</h1>
      {presets.length > 0 ? (
        <Form method="get" className="filters" aria-label={t('form.presetLabel')}>
          {agreementId ? <input type="hidden" name="agreementId" value={agreementId} /> : null}
          <div className="field">
            <label htmlFor="obligation-preset">{t('form.preset')}</label>
            <select
              id="obligation-preset" name="preset" defaultValue={preset?.key ?? ''}
              // With JavaScript the choice applies at once; without, the button below sends the same GET.
              onChange={(event) => event.currentTarget.form?.requestSubmit()}
              aria-describedby="obligation-preset-hint"
            >
              <option value="">{t('form.noPreset')}</option>
              {presets.map((p) => <option key={p.key} value={p.key}>{t(`presets.${p.key}`)}</option>)}
            </select>
            <span className="hint" id="obligation-preset-hint">{t('form.presetHint')}</span>
          </div>
          <button type="submit" className="button-secondary">{t('form.applyPreset')}</button>
        </Form>
      ) : null}
      <ObligationForm
        // A new preset means new defaults: remount so the fields show them.
        key={preset?.key ?? 'blank'}
        defaults={defaults}
        state={state}
        stakeholders={stakeholders}
        members={members}
        agreements={agreements}
        provisions={provisions}
        submitLabel={t('form.create')}
        cancelHref={`/i/${institution.id}/obligations`}
      />
    </div>
  );
}
