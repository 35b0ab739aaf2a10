import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError, SelectField, TextField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { addressLine, Fact } from '~/modules/parties/components/party-view';
import { addHouseholdMember, removeHouseholdMember } from '~/modules/parties/mutations.server';
import { getHousehold, listPersonOptions } from '~/modules/parties/queries.server';
import { householdMemberSchema } from '~/modules/parties/schema';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { StatusBadge, TierBadge, useDays } from '~/modules/stakeholders/components/labels';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { id } from '~/utils/schema-helpers';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const householdId = idParam(params.householdId);
  const view = await getHousehold(institution.id, householdId);
  if (!view) throw notFound();
  const [history, persons] = await Promise.all([
    listHistory(institution.id, 'household', householdId),
    can.write ? listPersonOptions(institution.id) : Promise.resolve([]),
  ]);
  return json({ institution, can, ...view, history, persons });
}

const intents = z.discriminatedUnion('intent', [
  householdMemberSchema.extend({ intent: z.literal('add-member') }),
  z.object({ intent: z.literal('remove-member'), membershipId: id() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const householdId = idParam(params.householdId);
  const formData = await request.formData();
  const form = parseForm(intents, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const input = form.data;
  return attempt(
    formValues(formData),
    () => (input.intent === 'add-member'
      ? addHouseholdMember(actor, { institutionId: institution.id, householdId, personId: input.personId, relation: input.relation })
      : removeHouseholdMember(actor, { institutionId: institution.id, householdId, membershipId: input.membershipId })),
    () => redirectWithToast(request, `/i/${institution.id}/parties/households/${householdId}`, 'common:toast.saved'),
  );
}

export default function HouseholdPage() {
  const { t } = useTranslation('parties');
  const { day } = useDays();
  const { institution, can, household, members, stakeholder, history, persons } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  const memberIds = new Set(members.map((m) => m.personId));
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/parties/households`}>{t('households.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{household.name}</h1>
          <p className="subtitle">{addressLine(household) || t('common:none')} · {t(`householdStatuses.${household.status}`)}</p>
        </div>
        {can.write ? (
          <div className="page-actions">
            <Link className="button" to={`${base}/parties/households/${household.id}/edit`}>{t('common:actions.edit')}</Link>
            {!stakeholder && household.status !== 'inactive' ? <Link className="button button-secondary" to={`${base}/stakeholders/new?kind=household&partyId=${household.id}`}>{t('actions.makeStakeholder')}</Link> : null}
          </div>
        ) : null}
      </div>
      <AreaNav institutionId={institution.id} />
      <FormError message={state.formError} />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{t('households.details')}</h2>
          <dl className="facts">
            <Fact label={t('fields.segment')}>{household.segment}</Fact>
            <Fact label={t('fields.source')}>{household.source}</Fact>
            <Fact label={t('fields.lastVerifiedOn')}>{household.lastVerifiedOn ? day(household.lastVerifiedOn) : null}</Fact>
            <Fact label={t('organisations.stakeholder')}>
              {stakeholder ? <><Link to={`${base}/stakeholders/${stakeholder.id}`}>{stakeholder.name}</Link> <TierBadge tier={stakeholder.tier} /> <StatusBadge status={stakeholder.status} /></> : null}
            </Fact>
          </dl>
        </section>
        <section className="card" aria-labelledby="members-heading">
          <h2 id="members-heading">{t('households.members')}</h2>
          {members.length === 0 ? <p className="empty">{t('households.noMembers')}</p> : (
            <ul className="list">
              {members.map((m) => (
                <li key={m.membershipId}>
                  <span>
                    <Link to={`${base}/parties/persons/${m.personId}`}>{m.name}</Link>
                    {m.relation ? <span className="muted"> · {m.relation}</span> : null}
                  </span>
                  {can.write ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="membershipId" value={m.membershipId} />
                      <IntentButton intent="remove-member" match={{ membershipId: String(m.membershipId) }} className="button-secondary button-small">
                        {t('households.removeMember')}
                      </IntentButton>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {can.write ? (
            <Form method="post" className="stack add-member" noValidate>
              <h3>{t('households.addMember')}</h3>
              <SelectField
                name="personId" label={t('fields.person')} emptyLabel={t('households.choosePerson')}
                options={persons.filter((p) => !memberIds.has(p.id)).map((p) => ({ value: String(p.id), label: p.city ? `${p.label} (${p.city})` : p.label }))}
                state={stateFor(state, 'add-member')}
              />
              <TextField name="relation" label={t('fields.relation')} hint={t('hints.relation')} state={stateFor(state, 'add-member')} />
              <div className="form-actions">
                <IntentButton intent="add-member">{t('households.addMember')}</IntentButton>
                <Link to={`${base}/parties/persons/new`}>{t('households.newPerson')}</Link>
              </div>
            </Form>
          ) : null}
        </section>
      </div>
      <History events={history.rows} more={history.more} moreHref={can.manage ? `${base}/audit?entity=household&entityId=${household.id}` : undefined} />
    </>
  );
}
