import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, useFormState } from '~/components/form';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { partyPageAction } from '~/modules/parties/actions.server';
import { ActivationForm, addressLine, Fact, MergedNotice, VerifiedFact } from '~/modules/parties/components/party-view';
import { OrganisationTimeline } from '~/modules/parties/components/timeline';
import { getOrganisation, staleBefore } from '~/modules/parties/queries.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { StatusBadge, TierBadge, useDays } from '~/modules/stakeholders/components/labels';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const organisationId = idParam(params.organisationId);
  const view = await getOrganisation(institution.id, organisationId);
  if (!view) throw notFound();
  const history = await listHistory(institution.id, 'organisation', organisationId);
  return json({ institution, can, ...view, history, staleBefore: staleBefore() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireInstitution(request, params, 'write');
  return partyPageAction(request, access, 'organisation', idParam(params.organisationId));
}

export default function OrganisationPage() {
  const { t } = useTranslation('parties');
  const { day } = useDays();
  const { institution, can, organisation, people, stakeholder, timeline, history, staleBefore } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  const stale = !organisation.lastVerifiedOn || organisation.lastVerifiedOn < staleBefore;
  const writable = can.write && !organisation.mergedIntoId;
  const current = people.filter((p) => p.current);
  const past = people.filter((p) => !p.current);
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/parties/organisations`}>{t('organisations.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{organisation.name}</h1>
          <p className="subtitle">
            {t(`kinds.${organisation.kind}`)}
            {organisation.kvkNumber ? ` · ${t('fields.kvkNumber')} ${organisation.kvkNumber}` : ''}
            {!organisation.active ? <> <span className="badge badge-muted">{organisation.mergedIntoId ? t('status.merged') : t('status.inactive')}</span></> : null}
          </p>
        </div>
        {writable ? (
          <div className="page-actions">
            <Link className="button" to={`${base}/parties/organisations/${organisation.id}/edit`}>{t('common:actions.edit')}</Link>
            {organisation.active ? <Link className="button button-secondary" to={`${base}/parties/positions/new?organisationId=${organisation.id}`}>{t('positions.addPerson')}</Link> : null}
            {!stakeholder && organisation.active ? <Link className="button button-secondary" to={`${base}/stakeholders/new?kind=organisation&partyId=${organisation.id}`}>{t('actions.makeStakeholder')}</Link> : null}
            {can.manage && organisation.active ? <Link className="button button-secondary" to={`${base}/parties/organisations/${organisation.id}/merge`}>{t('merge.action')}</Link> : null}
            <ActivationForm active={organisation.active} version={organisation.version} />
          </div>
        ) : null}
      </div>
      <AreaNav institutionId={institution.id} />
      {organisation.mergedInto ? <MergedNotice href={`${base}/parties/organisations/${organisation.mergedInto.id}`} name={organisation.mergedInto.name} /> : null}
      <FormError message={state.formError} />

      <div className="grid grid-2">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{t('organisations.details')}</h2>
          <dl className="facts">
            <Fact label={t('fields.address')}>{addressLine(organisation)}</Fact>
            <Fact label={t('fields.website')}>{organisation.website ? <a href={organisation.website} rel="noreferrer noopener" target="_blank">{organisation.website}</a> : null}</Fact>
            <Fact label={t('fields.email')}>{organisation.email ? <a href={`mailto:${organisation.email}`}>{organisation.email}</a> : null}</Fact>
            <Fact label={t('fields.phone')}>{organisation.phone}</Fact>
            <Fact label={t('fields.notes')}>{organisation.notes}</Fact>
            <Fact label={t('fields.source')}>{organisation.source}</Fact>
            <VerifiedFact lastVerifiedOn={organisation.lastVerifiedOn} stale={stale} canWrite={writable} version={organisation.version} />
          </dl>
        </section>
        <section className="card" aria-labelledby="stakeholder-heading">
          <h2 id="stakeholder-heading">{t('organisations.stakeholder')}</h2>
          {stakeholder ? (
            <p>
              <Link to={`${base}/stakeholders/${stakeholder.id}`}>{stakeholder.name}</Link>{' '}
              <TierBadge tier={stakeholder.tier} /> <StatusBadge status={stakeholder.status} />
              <span className="muted"> · {t(`stakeholders:categories.${stakeholder.category}`)}</span>
            </p>
          ) : <p className="empty">{t('organisations.noStakeholder')}</p>}
        </section>
      </div>

      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('organisations.people')}</h2>
        {people.length === 0 ? <p className="empty">{t('organisations.noPeople')}</p> : (
          <TableWrap>
            <table>
              <TableCaption className="visually-hidden">{t('organisations.people')}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.positionTitle')}</th>
                  <th scope="col">{t('positions.period')}</th>
                  <th scope="col">{t('positions.businessContact')}</th>
                </tr>
              </thead>
              <tbody>
                {[...current, ...past].map((p) => (
                  <tr key={p.id} className={p.current ? undefined : 'past'}>
                    <td><Link to={`${base}/parties/persons/${p.personId}`}>{p.personName}</Link></td>
                    <td>
                      {p.title} {p.current ? <span className="badge badge-ok">{t('positions.current')}</span> : <span className="badge badge-muted">{t('positions.past')}</span>}
                    </td>
                    <td>{t('positions.fromUntil', { from: day(p.startsOn), until: p.endsOn ? day(p.endsOn) : t('positions.open') })}</td>
                    <td>{[p.businessEmail, p.businessPhone].filter(Boolean).join(' · ') || t('common:none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('organisations.timeline')}</h2>
        <OrganisationTimeline institutionId={institution.id} items={timeline} />
      </section>

      <History events={history.rows} more={history.more} moreHref={can.manage ? `${base}/audit?entity=organisation&entityId=${organisation.id}` : undefined} />
    </>
  );
}
