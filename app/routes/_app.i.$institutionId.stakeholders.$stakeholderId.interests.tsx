import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { requireInstitution } from '~/modules/auth/guards.server';
import { InterestFields } from '~/modules/stakeholders/components/interest-fields';
import { useDays } from '~/modules/stakeholders/components/labels';
import { createInterest, updateInterest } from '~/modules/stakeholders/mutations.server';
import { getStakeholderName, listStakeholderInterests, listThemes } from '~/modules/stakeholders/queries.server';
import { interestSchema, interestUpdateSchema } from '~/modules/stakeholders/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const stakeholderId = idParam(params.stakeholderId);
  if (!(await getStakeholderName(institution.id, stakeholderId))) throw notFound();
  const [interests, themes] = await Promise.all([listStakeholderInterests(institution.id, stakeholderId), listThemes(institution.id)]);
  return json({ institution, can, stakeholderId, interests, themes });
}

const intents = z.discriminatedUnion('intent', [
  interestSchema.extend({ intent: z.literal('create-interest') }),
  interestUpdateSchema.extend({ intent: z.literal('update-interest') }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const stakeholderId = idParam(params.stakeholderId);
  const formData = await request.formData();
  const form = parseForm(intents, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const input = form.data;
  const back = `/i/${institution.id}/stakeholders/${stakeholderId}/interests`;
  return attempt(
    formValues(formData),
    async () => {
      if (input.intent === 'create-interest') await createInterest(actor, { institutionId: institution.id, stakeholderId, ...input });
      else await updateInterest(actor, { institutionId: institution.id, stakeholderId, ...input });
    },
    () => redirectWithToast(request, back, input.intent === 'create-interest' ? 'stakeholders:toast.interestCreated' : 'common:toast.saved'),
  );
}

export default function StakeholderInterests() {
  const { t } = useTranslation('stakeholders');
  const { day } = useDays();
  const { institution, can, stakeholderId, interests, themes } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const state = useFormState();
  const editing = interests.find((i) => String(i.id) === (searchParams.get('edit') ?? String(state.values.interestId ?? '')));
  const base = `/i/${institution.id}/stakeholders/${stakeholderId}/interests`;
  return (
    <div className="grid grid-2">
      <section className="card" aria-labelledby="interests-heading">
        <h2 id="interests-heading">{t('interests.title')}</h2>
        {interests.length === 0 ? <p className="empty">{t('interests.none')}</p> : (
          <ul className="list interests">
            {interests.map((i) => (
              <li key={i.id}>
                <span>
                  <strong>{i.title}</strong>{' '}
                  <span className={`badge ${i.priority === 'high' ? 'badge-danger' : i.priority === 'medium' ? 'badge-info' : 'badge-muted'}`}>{t(`priorities.${i.priority}`)}</span>{' '}
                  {i.status !== 'active' ? <span className="badge badge-muted">{t(`interestStatuses.${i.status}`)}</span> : null}
                  {i.description ? <div>{i.description}</div> : null}
                  <div className="muted">
                    {i.themeName ? <Link to={`/i/${institution.id}/interests?theme=${i.themeId}`}>{i.themeName}</Link> : t('interests.noTheme')}
                    {i.since ? ` · ${t('interests.since', { day: day(i.since) })}` : ''}
                  </div>
                </span>
                {can.write ? <Link to={`?edit=${i.id}`}>{t('common:actions.edit')}</Link> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {can.write ? (
        <section className="card" aria-labelledby="interest-form-heading">
          {editing ? (
            <Form method="post" className="stack" noValidate key={`edit-${editing.id}-${editing.version}`}>
              <h2 id="interest-form-heading">{t('interests.editTitle')}</h2>
              <FormError message={stateFor(state, 'update-interest').formError} />
              <input type="hidden" name="interestId" value={editing.id} />
              <input type="hidden" name="version" value={editing.version} />
              <InterestFields interest={editing} themes={themes} state={stateFor(state, 'update-interest')} />
              <div className="form-actions">
                <IntentButton intent="update-interest">{t('common:actions.save')}</IntentButton>
                <Link to={base}>{t('common:actions.cancel')}</Link>
              </div>
            </Form>
          ) : (
            <Form method="post" className="stack" noValidate>
              <h2 id="interest-form-heading">{t('interests.add')}</h2>
              <FormError message={stateFor(state, 'create-interest').formError} />
              <InterestFields themes={themes} state={stateFor(state, 'create-interest')} />
              <div className="form-actions">
                <IntentButton intent="create-interest">{t('interests.add')}</IntentButton>
              </div>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  );
}
