import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorName, AuditChanges } from '~/modules/audit/components/history';
import { requireInstitution } from '~/modules/auth/guards.server';
import { addressLine, Fact } from '~/modules/parties/components/party-view';
import { recordAccessExport } from '~/modules/privacy/mutations.server';
import { gatherPersonData } from '~/modules/privacy/queries.server';
import { useDays } from '~/modules/stakeholders/components/labels';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formatInstant } from '~/utils/instants';
import { idParam } from '~/utils/route-params';

/**
 * The access report (art. 15): everything the institution holds about one person, to read and to
 * send. Compiling it is handling a request, so it takes a role that may write; it is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const personId = idParam(params.personId);
  const data = await gatherPersonData(institution.id, personId, today());
  if (!data) throw notFound();
  await recordAccessExport(actor, { institutionId: institution.id, personId, format: 'page' });
  return json({ institutionId: institution.id, data });
}

export default function AccessReport() {
  const { t, i18n } = useTranslation('privacy');
  const { day } = useDays();
  const { institutionId, data } = useLoaderData<typeof loader>();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const base = `/i/${institutionId}/privacy/persons/${data.person.id}`;
  const none = <p className="empty">{t('access.nothing')}</p>;
  return (
    <>
      <p className="breadcrumbs"><Link to={base}>{t('person.title', { name: data.person.displayName })}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t('access.title', { name: data.person.displayName })}</h1>
          <p className="subtitle">{t('access.intro', { controller: data.controller.name, date: day(data.generatedOn) })}</p>
        </div>
        <div className="page-actions">
          <a className="button" href={`${base}/access.json`} download>{t('access.downloadJson')}</a>
        </div>
      </div>

      <section className="card" aria-labelledby="access-person">
        <h2 id="access-person">{t('access.person')}</h2>
        <dl className="facts">
          <Fact label={t('fields.name')}>{data.person.displayName}</Fact>
          <Fact label={t('fields.initials')}>{data.person.initials}</Fact>
          <Fact label={t('fields.email')}>{data.person.email}</Fact>
          <Fact label={t('fields.phone')}>{data.person.phone}</Fact>
          <Fact label={t('fields.address')}>{addressLine(data.person)}</Fact>
          <Fact label={t('fields.source')}>{data.person.source}</Fact>
          <Fact label={t('fields.legalBasis')}>{data.person.legalBasis ? t(`parties:legalBases.${data.person.legalBasis}`) : null}</Fact>
          <Fact label={t('fields.lastVerifiedOn')}>{data.person.lastVerifiedOn ? day(data.person.lastVerifiedOn) : null}</Fact>
          <Fact label={t('fields.recordedSince')}>{data.person.createdAt ? formatInstant(data.person.createdAt, locale) : null}</Fact>
          <Fact label={t('hold.title')}>{data.person.legalHold}</Fact>
        </dl>
        {data.mergedRecords.length > 0 ? (
          <>
            <h3>{t('access.mergedRecords')}</h3>
            <ul className="list">
              {data.mergedRecords.map((m) => (
                <li key={m.id}>{[m.givenName ?? m.initials, m.tussenvoegsel, m.familyName].filter(Boolean).join(' ')} <span className="muted">{[m.email, m.phone, addressLine(m)].filter(Boolean).join(' · ')}</span></li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <div className="grid grid-2">
        <section className="card" aria-labelledby="access-positions">
          <h2 id="access-positions">{t('access.positions')}</h2>
          {data.positions.length === 0 ? none : (
            <ul className="list">
              {data.positions.map((p) => (
                <li key={p.id}>
                  <span>{p.title}, {p.organisation}<div className="muted">{[p.businessEmail, p.businessPhone].filter(Boolean).join(' · ')}</div></span>
                  <span className="muted">{day(p.startsOn)} – {p.endsOn ? day(p.endsOn) : t('access.now')}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('access.households')}</h3>
          {data.households.length === 0 ? none : (
            <ul className="list">
              {data.households.map((h) => <li key={h.id}>{h.name} <span className="muted">{addressLine(h)}</span></li>)}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="access-relationships">
          <h2 id="access-relationships">{t('access.relationships')}</h2>
          {data.stakeholderRelationships.length === 0 ? none : (
            <ul className="list">
              {data.stakeholderRelationships.map((s) => (
                <li key={s.id}>
                  <span>{s.name}<div className="muted">{t(`access.via.${s.via}`)}</div></span>
                  <span className="muted">{t(`stakeholders:categories.${s.category}`)} · {t(`stakeholders:statuses.${s.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="access-engagements">
        <h2 id="access-engagements">{t('access.engagements')}</h2>
        {data.engagements.length === 0 ? none : (
          <ol className="timeline">
            {data.engagements.map((e) => (
              <li key={e.id}>
                <time dateTime={e.occurredOn}>{day(e.occurredOn)}</time> — <strong>{e.subject}</strong>{' '}
                <span className="muted">{t(`stakeholders:channels.${e.channel}`)}{e.asPosition ? ` · ${e.asPosition.title}, ${e.asPosition.organisation ?? ''}` : ''}</span>
                {e.summary ? <p className="prewrap">{e.summary}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="access-privacy">
        <h2 id="access-privacy">{t('access.privacyRecords')}</h2>
        {data.dataSubjectRequests.length + data.correctionProposals.length + data.portalLinks.length === 0 ? none : (
          <ul className="list">
            {data.dataSubjectRequests.map((r) => <li key={`r${r.id}`}>{t(`kinds.${r.kind}`)} · {day(r.receivedOn)} <span className="muted">{t(`statuses.${r.status}`)}</span></li>)}
            {data.correctionProposals.map((p) => <li key={`c${p.id}`}>{t('access.correction', { fields: Object.keys(p.proposed).map((f) => t(`fields.${f}`)).join(', ') })} <span className="muted">{t(`corrections.statuses.${p.status}`)}</span></li>)}
            {data.portalLinks.map((l) => <li key={`l${l.id}`}>{t('access.portalLink', { when: l.sentAt ? formatInstant(l.sentAt, locale) : '' })}</li>)}
          </ul>
        )}
      </section>

      <section className="card history" aria-labelledby="access-audit">
        <h2 id="access-audit">{t('access.audit')}</h2>
        {data.audit.length === 0 ? none : (
          <ol className="timeline">
            {data.audit.map((e) => (
              <li key={e.id}>
                <div>
                  <strong>{t(`audit:entities.${e.entity}`, { defaultValue: e.entity })}: {t(`audit:actions.${e.action}`, { defaultValue: e.action })}</strong>{' '}
                  <span className="muted">{t('audit:history.by', { actor: actorName(t, e.actor) })} · <time dateTime={e.occurredAt}>{formatInstant(e.occurredAt, locale)}</time></span>
                </div>
                <AuditChanges changes={e.changes} entity={e.entity} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
