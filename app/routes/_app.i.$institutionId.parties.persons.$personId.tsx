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
import { getPerson, staleBefore } from '~/modules/parties/queries.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { StatusBadge, TierBadge, useDays } from '~/modules/stakeholders/components/labels';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const personId = idParam(params.personId);
  const view = await getPerson(institution.id, personId);
  if (!view) throw notFound();
  const history = await listHistory(institution.id, 'person', personId);
  return json({ institution, can, ...view, history, staleBefore: staleBefore() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireInstitution(request, params, 'write');
  return partyPageAction(request, access, 'person', idParam(params.personId));
}

// A download: a plain document request, so the browser saves the file (and the export is audited once).
function VCardLink({ href }: { href: string }) {
  const { t } = useTranslation('parties');
  return <a className="button button-secondary" href={href} download>{t('persons.vcard')}</a>;
}

export default function PersonPage() {
  const { t } = useTranslation('parties');
  const { day } = useDays();
  const { institution, can, person, positions, households, stakeholders, engagements, history, staleBefore } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  const stale = !person.lastVerifiedOn || person.lastVerifiedOn < staleBefore;
  const writable = can.write && !person.mergedIntoId;
  const own = stakeholders.find((s) => s.via === 'self');
  const card = `${base}/parties/persons/${person.id}/card.vcf`;
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/parties/persons`}>{t('persons.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{person.displayName}</h1>
          <p className="subtitle">
            {positions.filter((p) => p.current).map((p) => `${p.title}, ${p.organisationName}`).join(' · ') || t('persons.noCurrentPosition')}
            {!person.active ? <> <span className="badge badge-muted">{person.mergedIntoId ? t('status.merged') : t('status.inactive')}</span></> : null}
          </p>
        </div>
        {writable ? (
          <div className="page-actions">
            <Link className="button" to={`${base}/parties/persons/${person.id}/edit`}>{t('common:actions.edit')}</Link>
            <Link className="button button-secondary" to={`${base}/parties/positions/new?personId=${person.id}`}>{t('positions.add')}</Link>
            {!own && person.active ? <Link className="button button-secondary" to={`${base}/stakeholders/new?kind=person&partyId=${person.id}`}>{t('actions.makeStakeholder')}</Link> : null}
            {can.manage && person.active ? <Link className="button button-secondary" to={`${base}/parties/persons/${person.id}/merge`}>{t('merge.action')}</Link> : null}
            <Link className="button button-secondary" to={`${base}/privacy/persons/${person.id}`}>{t('common:nav.privacy')}</Link>
            <ActivationForm active={person.active} version={person.version} />
            <VCardLink href={card} />
          </div>
        ) : (
          <div className="page-actions"><VCardLink href={card} /></div>
        )}
      </div>
      <AreaNav institutionId={institution.id} />
      {person.mergedInto ? <MergedNotice href={`${base}/parties/persons/${person.mergedInto.id}`} name={person.mergedInto.displayName} /> : null}
      <FormError message={state.formError} />

      <div className="grid grid-2">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{t('persons.details')}</h2>
          <dl className="facts">
            <Fact label={t('fields.initials')}>{person.initials}</Fact>
            <Fact label={t('fields.email')}>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : null}</Fact>
            <Fact label={t('fields.phone')}>{person.phone}</Fact>
            <Fact label={t('fields.address')}>{addressLine(person)}</Fact>
            <Fact label={t('fields.source')}>{person.source}</Fact>
            <Fact label={t('fields.legalBasis')}>{person.legalBasis ? t(`legalBases.${person.legalBasis}`) : null}</Fact>
            <VerifiedFact lastVerifiedOn={person.lastVerifiedOn} stale={stale} canWrite={writable} version={person.version} />
          </dl>
        </section>

        <section className="card" aria-labelledby="relations-heading">
          <h2 id="relations-heading">{t('persons.stakeholderRelations')}</h2>
          {stakeholders.length === 0 ? <p className="empty">{t('persons.noStakeholderRelations')}</p> : (
            <ul className="list">
              {stakeholders.map((s) => (
                <li key={`${s.via}-${s.id}`}>
                  <span>
                    <Link to={`${base}/stakeholders/${s.id}`}>{s.name}</Link>
                    <div className="muted">{t(`persons.via.${s.via}`)}</div>
                  </span>
                  <span><TierBadge tier={s.tier} /> <StatusBadge status={s.status} /></span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('persons.households')}</h3>
          {households.length === 0 ? <p className="empty">{t('persons.noHouseholds')}</p> : (
            <ul className="list">
              {households.map((h) => (
                <li key={h.membershipId}>
                  <Link to={`${base}/parties/households/${h.id}`}>{h.name}</Link>
                  <span className="muted">{h.relation ?? ''}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="positions-heading">
        <h2 id="positions-heading">{t('positions.title')}</h2>
        {positions.length === 0 ? <p className="empty">{t('positions.none')}</p> : (
          <TableWrap>
            <table>
              <TableCaption className="visually-hidden">{t('positions.title')}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.positionTitle')}</th>
                  <th scope="col">{t('fields.organisation')}</th>
                  <th scope="col">{t('positions.period')}</th>
                  <th scope="col">{t('positions.businessContact')}</th>
                  {writable ? <th scope="col"><span className="visually-hidden">{t('common:actions.edit')}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {positions.map((p) => (
                  <tr key={p.id}>
                    <td>{p.title} {p.current ? <span className="badge badge-ok">{t('positions.current')}</span> : <span className="badge badge-muted">{t('positions.past')}</span>}</td>
                    <td><Link to={`${base}/parties/organisations/${p.organisationId}`}>{p.organisationName}</Link></td>
                    <td>{t('positions.fromUntil', { from: day(p.startsOn), until: p.endsOn ? day(p.endsOn) : t('positions.open') })}</td>
                    <td>{[p.businessEmail, p.businessPhone].filter(Boolean).join(' · ') || t('common:none')}</td>
                    {writable ? <td><Link to={`${base}/parties/positions/${p.id}`}>{t('common:actions.edit')}</Link></td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section className="card" aria-labelledby="engagements-heading">
        <h2 id="engagements-heading">{t('persons.engagements')}</h2>
        {engagements.length === 0 ? <p className="empty">{t('persons.noEngagements')}</p> : (
          <ol className="timeline">
            {engagements.map((e) => (
              <li key={e.id}>
                <time dateTime={e.occurredOn}>{day(e.occurredOn)}</time>{' — '}
                <Link to={`${base}/engagements/${e.id}`}>{e.subject}</Link>{' '}
                <span className="muted">
                  {t(`stakeholders:channels.${e.channel}`)}
                  {e.asPosition ? ` · ${t('persons.asPosition', { title: e.asPosition.title, organisation: e.asPosition.organisationName })}` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <History events={history.rows} more={history.more} moreHref={can.manage ? `${base}/audit?entity=person&entityId=${person.id}` : undefined} />
    </>
  );
}
