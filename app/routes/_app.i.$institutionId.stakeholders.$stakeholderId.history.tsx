import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorName, AuditChanges } from '~/modules/audit/components/history';
import { requireInstitution } from '~/modules/auth/guards.server';
import { useDays } from '~/modules/stakeholders/components/labels';
import { getStakeholderName, listStakeholderHistory } from '~/modules/stakeholders/queries.server';
import { notFound } from '~/utils/errors';
import { formatInstant } from '~/utils/instants';
import { idParam } from '~/utils/route-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const stakeholderId = idParam(params.stakeholderId);
  if (!(await getStakeholderName(institution.id, stakeholderId))) throw notFound();
  const history = await listStakeholderHistory(institution.id, stakeholderId);
  return json({ institution, can, stakeholderId, history });
}

/** The stakeholder's audit history: its own changes and assessments, and those of its interests. */
export default function StakeholderHistory() {
  const { t } = useTranslation('stakeholders');
  const { locale } = useDays();
  const { institution, can, stakeholderId, history } = useLoaderData<typeof loader>();
  return (
    <section className="card history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
      {history.rows.length === 0 ? <p className="empty">{t('audit:history.none')}</p> : (
        <ol className="timeline">
          {history.rows.map((event) => (
            <li key={event.id}>
              <div>
                <strong>{t(`audit:actions.${event.action}`, { defaultValue: t(`history.actions.${event.action}`, { defaultValue: event.action }) })}</strong>
                {event.entity === 'interest' ? <> {t('history.ofInterest', { title: event.entityLabel ?? `#${event.entityId}` })}</> : null}{' '}
                <span className="muted">
                  {t('audit:history.by', { actor: actorName(t, event.actorLabel) })} ·{' '}
                  <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt, locale)}</time>
                </span>
              </div>
              <AuditChanges changes={event.changes} entity={event.entity} />
            </li>
          ))}
        </ol>
      )}
      {history.more && can.manage ? <p><Link to={`/i/${institution.id}/audit?entity=stakeholder&entityId=${stakeholderId}`}>{t('audit:history.more')}</Link></p> : null}
    </section>
  );
}
