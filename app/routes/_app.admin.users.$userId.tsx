import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { TableWrap } from '~/components/table-wrap';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireAdmin } from '~/modules/auth/guards.server';
import { ROLES } from '~/modules/auth/policy';
import { listInstitutionOptions } from '~/modules/institutions/queries.server';
import { UserStatus } from '~/modules/users/components/user-status';
import {
  changeMembershipRole, deactivateUser, grantMembership, reactivateUser, reinviteUser, revokeMembership, setAdministrator,
} from '~/modules/users/mutations.server';
import { getUserWithMemberships } from '~/modules/users/queries.server';
import { membershipRefSchema, membershipSchema, roleChangeSchema } from '~/modules/users/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user: me } = await requireAdmin(request);
  const userId = idParam(params.userId);
  const found = await getUserWithMemberships(userId);
  if (!found) throw notFound();
  const [institutions, history] = await Promise.all([listInstitutionOptions(), listHistory(null, 'user', userId)]);
  const memberOf = new Set(found.memberships.map((m) => m.institutionId));
  return json({
    ...found,
    isSelf: me.id === userId,
    // The grant form offers only active institutions the user is not yet a member of.
    grantable: institutions.filter((i) => !memberOf.has(i.id)),
    history,
  });
}

// Each form on the page names its purpose; the toast after it says what happened.
const TOASTS = {
  deactivate: 'admin:users.toast.deactivated',
  reactivate: 'admin:users.toast.reactivated',
  'grant-admin': 'admin:users.toast.adminGranted',
  'revoke-admin': 'admin:users.toast.adminRevoked',
  reinvite: 'admin:users.toast.reinvited',
  'grant-membership': 'admin:users.toast.membershipGranted',
  'change-role': 'admin:users.toast.roleChanged',
  'revoke-membership': 'admin:users.toast.membershipRevoked',
} as const;
type Intent = keyof typeof TOASTS;
const isIntent = (value: unknown): value is Intent => typeof value === 'string' && Object.hasOwn(TOASTS, value);

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireAdmin(request);
  const userId = idParam(params.userId);
  const formData = await request.formData();
  const values = formValues(formData);
  const intent = formData.get('intent');
  if (!isIntent(intent)) return invalidForm({}, values, 'admin:errors.unknownIntent');
  const done = () => redirectWithToast(request, `/admin/users/${userId}`, TOASTS[intent]);

  switch (intent) {
    case 'deactivate':
      return attempt(values, () => deactivateUser(actor, userId), done);
    case 'reactivate':
      return attempt(values, () => reactivateUser(actor, userId), done);
    case 'grant-admin':
    case 'revoke-admin':
      return attempt(values, () => setAdministrator(actor, userId, intent === 'grant-admin'), done);
    case 'reinvite':
      return attempt(values, () => reinviteUser(actor, userId), done);
    case 'grant-membership': {
      const form = parseForm(membershipSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values);
      return attempt(values, () => grantMembership(actor, userId, form.data), done);
    }
    case 'change-role': {
      const form = parseForm(roleChangeSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values);
      return attempt(values, () => changeMembershipRole(actor, userId, form.data.membershipId, form.data.role), done);
    }
    case 'revoke-membership': {
      const form = parseForm(membershipRefSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values);
      return attempt(values, () => revokeMembership(actor, userId, form.data.membershipId), done);
    }
  }
}

export default function AdminUser() {
  const { t } = useTranslation('admin');
  const { user, memberships, grantable, isSelf, history } = useLoaderData<typeof loader>();
  const state = useFormState();
  const accountIntents = ['deactivate', 'reactivate', 'grant-admin', 'revoke-admin', 'reinvite'];
  const accountError = accountIntents.includes(String(state.values.intent)) ? state.formError : undefined;
  const grantState = stateFor(state, 'grant-membership');
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }));

  return (
    <>
      <p className="breadcrumbs"><Link to="/admin/users">{t('users.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{user.name}</h1>
          <p className="subtitle">
            {user.email}{' '}<UserStatus user={user} />
            {user.isAdmin ? <> <span className="badge badge-info">{t('users.administrator')}</span></> : null}
            {isSelf ? <> <span className="badge">{t('users.you')}</span></> : null}
          </p>
        </div>
      </div>

      {user.active && !user.hasPassword ? (
        <div className="notice notice-info" role="status">
          <p>{t('users.invitePending', { email: user.email })}</p>
          <p><Link to={`/admin/outbox?q=${encodeURIComponent(user.email)}`}>{t('users.openOutbox')}</Link></p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t('users.accountTitle')}</h2>
        <FormError message={accountError} />
        <dl className="facts">
          <dt>{t('users.status')}</dt>
          <dd><UserStatus user={user} /></dd>
          <dt>{t('users.administrator')}</dt>
          <dd>{user.isAdmin ? t('common:yes') : t('common:no')}</dd>
        </dl>
        <div className="form-actions" style={{ marginTop: '1rem' }}>
          {user.active ? (
            <Form method="post" className="inline-form">
              <IntentButton intent="deactivate" className="button-danger">{t('users.deactivate')}</IntentButton>
            </Form>
          ) : (
            <Form method="post" className="inline-form">
              <IntentButton intent="reactivate">{t('users.reactivate')}</IntentButton>
            </Form>
          )}
          <Form method="post" className="inline-form">
            {user.isAdmin
              ? <IntentButton intent="revoke-admin" className="button-secondary">{t('users.revokeAdmin')}</IntentButton>
              : <IntentButton intent="grant-admin" className="button-secondary">{t('users.grantAdmin')}</IntentButton>}
          </Form>
          {user.active ? (
            <Form method="post" className="inline-form">
              <IntentButton intent="reinvite" className="button-secondary">
                {user.hasPassword ? t('users.sendPasswordLink') : t('users.reinvite')}
              </IntentButton>
            </Form>
          ) : null}
        </div>
        <p className="muted"><small>{t('users.deactivateHint')}</small></p>
      </section>

      <section className="card" aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{t('users.membershipsTitle')}</h2>
        {memberships.length === 0 ? (
          <p className="empty">{t('users.noMemberships')}</p>
        ) : (
          <TableWrap labelledBy="memberships-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('users.institution')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col"><span className="visually-hidden">{t('users.revoke')}</span></th>
                </tr>
              </thead>
              <tbody>
                {memberships.map((m) => {
                  const match = { membershipId: String(m.id) };
                  const rowState = stateFor(state, 'change-role', match);
                  const revokeState = stateFor(state, 'revoke-membership', match);
                  const selectId = `role-${m.id}`;
                  return (
                    <tr key={m.id}>
                      <td><Link to={`/admin/institutions/${m.institutionId}`}>{m.institutionName}</Link></td>
                      <td>
                        <Form method="post" className="form-actions">
                          <input type="hidden" name="membershipId" value={m.id} />
                          <label htmlFor={selectId} className="visually-hidden">{t('users.roleAt', { institution: m.institutionName })}</label>
                          <select id={selectId} name="role" defaultValue={m.role} style={{ width: 'auto' }} key={m.role}>
                            {roleOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                          </select>
                          <IntentButton intent="change-role" match={match} className="button-secondary button-small">{t('users.changeRole')}</IntentButton>
                          <FormError message={rowState.formError ?? (rowState.errors.role ? 'common:errors.invalidChoice' : undefined)} />
                        </Form>
                      </td>
                      <td>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="membershipId" value={m.id} />
                          <IntentButton intent="revoke-membership" match={match} className="button-danger button-small">{t('users.revoke')}</IntentButton>
                          <FormError message={revokeState.formError} />
                        </Form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}

        <h3>{t('users.grantTitle')}</h3>
        {grantable.length === 0 ? (
          <p className="muted">{t('users.nothingToGrant')}</p>
        ) : (
          <Form method="post" className="stack" noValidate>
            <FormError message={grantState.formError} />
            <div className="form-row">
              <SelectField
                name="institutionId"
                label={t('users.institution')}
                options={grantable.map((i) => ({ value: String(i.id), label: i.name }))}
                emptyLabel={t('users.chooseInstitution')}
                required
                state={grantState}
              />
              <SelectField name="role" label={t('users.role')} options={roleOptions} emptyLabel={t('users.chooseRole')} required state={grantState} />
            </div>
            <div className="form-actions">
              <IntentButton intent="grant-membership">{t('users.grant')}</IntentButton>
            </div>
          </Form>
        )}
      </section>

      <History events={history.rows} more={history.more} moreHref={`/admin/audit?entity=user&entityId=${user.id}`} />
    </>
  );
}
