import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { CheckboxField } from '~/components/form-extras';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireAdmin } from '~/modules/auth/guards.server';
import { InstitutionFields } from '~/modules/institutions/components/institution-fields';
import { updateInstitution } from '~/modules/institutions/mutations.server';
import { getInstitution, listInstitutionMembers } from '~/modules/institutions/queries.server';
import { institutionUpdateSchema } from '~/modules/institutions/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParam(params.institutionId);
  const institution = await getInstitution(id);
  if (!institution) throw notFound();
  const [members, history] = await Promise.all([listInstitutionMembers(id), listHistory(id, 'institution', id)]);
  return json({ institution, members, history });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireAdmin(request);
  const id = idParam(params.institutionId);
  const formData = await request.formData();
  const form = parseForm(institutionUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => updateInstitution(actor, id, form.data), () =>
    redirectWithToast(request, `/admin/institutions/${id}`, 'common:toast.saved'));
}

export default function EditInstitution() {
  const { t } = useTranslation('admin');
  const { institution, members, history } = useLoaderData<typeof loader>();
  const state = useFormState();
  return (
    <>
      <p className="breadcrumbs"><Link to="/admin/institutions">{t('institutions.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{institution.name}</h1>
          <p className="subtitle">
            {t(`common:sectors.${institution.sector}`)}{' · '}
            {institution.active ? t('institutions.active') : t('institutions.inactive')}
          </p>
        </div>
        <div className="page-actions">
          <Link className="button button-secondary" to={`/i/${institution.id}`}>{t('institutions.open')}</Link>
        </div>
      </div>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('institutions.editTitle')}</h2>
          {/* Keyed by version: after a save the fields start again from the stored record. */}
          <Form method="post" className="stack" noValidate key={institution.version}>
            <FormError message={state.formError} />
            <input type="hidden" name="version" value={institution.version} />
            <InstitutionFields institution={institution} state={state} />
            <CheckboxField name="active" label={t('institutions.activeLabel')} hint={t('institutions.activeHint')} defaultChecked={institution.active} state={state} />
            <div className="form-actions">
              <SubmitButton pendingLabel={t('common:actions.saving')}>{t('common:actions.save')}</SubmitButton>
            </div>
          </Form>
        </section>
        <section className="card" aria-labelledby="members-heading">
          <h2 id="members-heading">{t('institutions.membersTitle')}</h2>
          {members.length === 0 ? (
            <p className="empty">{t('institutions.noMembers')}</p>
          ) : (
            <ul className="list">
              {members.map((member) => (
                <li key={member.membershipId}>
                  <span>
                    <Link to={`/admin/users/${member.userId}`}>{member.name}</Link>{' '}
                    <span className="muted">{member.email}</span>
                    {member.active ? null : <> <span className="badge badge-muted">{t('users.deactivated')}</span></>}
                  </span>
                  <span>{t(`common:roles.${member.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t('institutions.membersHint')}</p>
        </section>
      </div>
      <History events={history.rows} more={history.more} moreHref={`/admin/audit?entity=institution&entityId=${institution.id}`} />
    </>
  );
}
