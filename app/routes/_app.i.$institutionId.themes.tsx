import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError, TextField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { requireInstitution } from '~/modules/auth/guards.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { createTheme, moveTheme, updateTheme } from '~/modules/stakeholders/mutations.server';
import { listThemes } from '~/modules/stakeholders/queries.server';
import { themeSchema, themeUpdateSchema } from '~/modules/stakeholders/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formValues, parseForm } from '~/utils/forms';
import { id } from '~/utils/schema-helpers';
import { redirectWithToast } from '~/utils/session.server';

// Everyone sees the institution's themes; only a manager keeps the list.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  return json({ institution, can, themes: await listThemes(institution.id) });
}

const intents = z.discriminatedUnion('intent', [
  themeSchema.extend({ intent: z.literal('create-theme') }),
  themeUpdateSchema.extend({ intent: z.literal('update-theme') }),
  z.object({ intent: z.literal('move-theme'), themeId: id(), direction: z.enum(['up', 'down']) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'manage');
  const formData = await request.formData();
  const form = parseForm(intents, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const input = form.data;
  const institutionId = institution.id;
  return attempt(
    formValues(formData),
    async () => {
      if (input.intent === 'create-theme') await createTheme(actor, { institutionId, name: input.name });
      else if (input.intent === 'update-theme') await updateTheme(actor, { institutionId, themeId: input.themeId, name: input.name, active: input.active });
      else await moveTheme(actor, { institutionId, themeId: input.themeId, direction: input.direction });
    },
    () => redirectWithToast(request, `/i/${institutionId}/themes`, 'common:toast.saved'),
  );
}

export default function Themes() {
  const { t } = useTranslation('stakeholders');
  const { institution, can, themes } = useLoaderData<typeof loader>();
  const state = useFormState();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('themes.title')}</h1>
          <p className="subtitle">{t('themes.intro')}</p>
        </div>
      </div>
      <AreaNav institutionId={institution.id} />
      {can.manage ? null : <div className="notice notice-info">{t('themes.managersOnly')}</div>}
      <section className="card" aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t('themes.list')}</h2>
        {themes.length === 0 ? <p className="empty">{t('themes.none')}</p> : (
          <ul className="list themes">
            {themes.map((theme, index) => {
              const own = stateFor(state, 'update-theme', { themeId: String(theme.id) });
              return (
                <li key={theme.id}>
                  {can.manage ? (
                    <Form method="post" className="theme-form" noValidate key={`${theme.id}-${theme.name}-${theme.active}`}>
                      <input type="hidden" name="themeId" value={theme.id} />
                      <FormError message={own.formError} />
                      <TextField name="name" label={t('themes.name')} defaultValue={theme.name} state={own} />
                      {/* One checkbox per row: its own id, so each label belongs to its own box. */}
                      <label className="checkbox" htmlFor={`theme-${theme.id}-active`}>
                        <input id={`theme-${theme.id}-active`} type="checkbox" name="active" defaultChecked={theme.active} />
                        <span>{t('themes.active')}</span>
                      </label>
                      <IntentButton intent="update-theme" match={{ themeId: String(theme.id) }} className="button-secondary button-small">{t('common:actions.save')}</IntentButton>
                    </Form>
                  ) : (
                    <span>{theme.name}{theme.active ? null : <> <span className="badge badge-muted">{t('themes.retired')}</span></>}</span>
                  )}
                  <span className="theme-usage">
                    <Link to={`/i/${institution.id}/interests?theme=${theme.id}`}>{t('themes.usage', { interests: theme.interests, stakeholders: theme.stakeholders })}</Link>
                    {can.manage ? (
                      <>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="themeId" value={theme.id} />
                          <input type="hidden" name="direction" value="up" />
                          {index > 0 ? <IntentButton intent="move-theme" match={{ themeId: String(theme.id), direction: 'up' }} className="button-secondary button-small">{t('themes.up')}</IntentButton> : null}
                        </Form>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="themeId" value={theme.id} />
                          <input type="hidden" name="direction" value="down" />
                          {index < themes.length - 1 ? <IntentButton intent="move-theme" match={{ themeId: String(theme.id), direction: 'down' }} className="button-secondary button-small">{t('themes.down')}</IntentButton> : null}
                        </Form>
                      </>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {can.manage ? (
        <section className="card main-narrow" aria-labelledby="new-theme-heading">
          <h2 id="new-theme-heading">{t('themes.add')}</h2>
          <Form method="post" className="stack" noValidate>
            <FormError message={stateFor(state, 'create-theme').formError} />
            <TextField name="name" label={t('themes.name')} required state={stateFor(state, 'create-theme')} />
            <div className="form-actions"><IntentButton intent="create-theme">{t('themes.add')}</IntentButton></div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
