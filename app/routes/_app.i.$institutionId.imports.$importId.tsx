import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import { getImport } from '~/modules/imports/queries.server';
import { partyPath } from '~/modules/parties/paths';
import { notFound } from '~/utils/errors';
import { formatInstant } from '~/utils/instants';

// The report of one import, read from its audit event: what it created, linked and left out.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const report = /^[0-9a-f-]{36}$/.test(params.importId ?? '') ? await getImport(institution.id, params.importId!) : null;
  if (!report) throw notFound();
  return json({ institution, report });
}

type Named = { id: number; name: string | null };

function NamedList({ items, kind, institutionId, heading }: { items: Named[]; kind: 'person' | 'organisation'; institutionId: number; heading: string }) {
  const { t } = useTranslation('imports');
  if (items.length === 0) return null;
  return (
    <section className="card">
      <h2>{heading}</h2>
      <ul className="list">
        {items.map((item) => (
          <li key={item.id}><Link to={partyPath(institutionId, kind, item.id)}>{item.name ?? t('report.gone', { id: item.id })}</Link></li>
        ))}
      </ul>
    </section>
  );
}

export default function ImportReport() {
  const { t, i18n } = useTranslation('imports');
  const { institution, report } = useLoaderData<typeof loader>();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const rowLabel = (row: number) => t(report.format === 'vcard' ? 'preview.card' : 'preview.row', { row });
  return (
    <>
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/imports`}>{t('title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t('report.title')}</h1>
          <p className="subtitle">
            {t('report.subtitle', { by: report.actorLabel, records: report.records })}{' '}
            <time dateTime={report.occurredAt}>{formatInstant(report.occurredAt, locale)}</time>
          </p>
        </div>
      </div>
      <div className="stats">
        <div className="stat"><div className="stat-value">{report.organisations.length}</div><div className="stat-label">{t('report.organisationsCreated')}</div></div>
        <div className="stat"><div className="stat-value">{report.persons.length}</div><div className="stat-label">{t('report.personsCreated')}</div></div>
        <div className="stat"><div className="stat-value">{report.positions.length}</div><div className="stat-label">{t('report.positionsCreated')}</div></div>
        <div className="stat"><div className="stat-value">{report.linkedPersons.length + report.linkedOrganisations.length}</div><div className="stat-label">{t('report.linked')}</div></div>
        <div className={`stat${report.skipped.length ? ' stat-warn' : ''}`}><div className="stat-value">{report.skipped.length}</div><div className="stat-label">{t('report.skipped')}</div></div>
      </div>
      {report.positionsKnown ? <p className="notice notice-info">{t('report.positionsKnown', { count: report.positionsKnown })}</p> : null}
      {report.skipped.length ? (
        <section className="card" aria-labelledby="skipped-heading">
          <h2 id="skipped-heading">{t('report.skippedTitle')}</h2>
          <ul className="list">
            {report.skipped.map((s) => (
              <li key={s.row}>
                <span>
                  <strong>{rowLabel(s.row)}</strong>{' '}
                  {s.errors.length
                    ? s.errors.map((e) => `${e.field === 'row' ? '' : `${t(`columns.${e.field}`)}: `}${t(e.message)}`).join(' ')
                    : t('report.skippedByChoice')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid grid-2">
        <NamedList items={report.organisations} kind="organisation" institutionId={institution.id} heading={t('report.organisationsCreated')} />
        <NamedList items={report.persons} kind="person" institutionId={institution.id} heading={t('report.personsCreated')} />
        <NamedList items={report.linkedOrganisations} kind="organisation" institutionId={institution.id} heading={t('report.linkedOrganisations')} />
        <NamedList items={report.linkedPersons} kind="person" institutionId={institution.id} heading={t('report.linkedPersons')} />
      </div>
      {report.filled.length ? (
        <section className="card" aria-labelledby="filled-heading">
          <h2 id="filled-heading">{t('report.filledTitle')}</h2>
          <ul className="list">
            {report.filled.map((f) => (
              <li key={`${f.kind}-${f.id}`}>
                <span>
                  <Link to={partyPath(institution.id, f.kind, f.id)}>{f.name ?? t('report.gone', { id: f.id })}</Link>
                  {': '}{f.columns.map((c) => t(`columns.${c}`)).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.positions.length ? (
        <section className="card">
          <h2>{t('report.positionsCreated')}</h2>
          <ul className="list">
            {report.positions.map((p) => (
              <li key={p.id}>
                <span>
                  <Link to={partyPath(institution.id, 'person', p.personId)}>{p.personName}</Link>{' — '}{p.title}{' — '}
                  <Link to={partyPath(institution.id, 'organisation', p.organisationId)}>{p.organisationName}</Link>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
