import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import { useDays } from '~/modules/stakeholders/components/labels';
import { getStakeholderName, listStakeholderCommitments } from '~/modules/stakeholders/queries.server';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const stakeholderId = idParam(params.stakeholderId);
  if (!(await getStakeholderName(institution.id, stakeholderId))) throw notFound();
  const commitments = await listStakeholderCommitments(institution.id, stakeholderId);
  return json({ institution, ...commitments });
}

export default function StakeholderCommitments() {
  const { t } = useTranslation('stakeholders');
  const { day } = useDays();
  const { institution, agreements, obligations } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}`;
  return (
    <div className="grid grid-2">
      <section className="card" aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">{t('commitments.agreements')}</h2>
        {agreements.length === 0 ? <p className="empty">{t('commitments.noAgreements')}</p> : (
          <ul className="list">
            {agreements.map((a) => (
              <li key={a.id}>
                <span>
                  <Link to={`${base}/agreements/${a.id}`}>{a.title}</Link>
                  <div className="muted">{t('commitments.period', { from: day(a.startsOn), until: a.endsOn ? day(a.endsOn) : t('commitments.open') })}</div>
                </span>
                <span className="badge badge-info">{t(`commitments.agreementStatus.${a.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="obligations-heading">
        <h2 id="obligations-heading">{t('commitments.obligations')}</h2>
        {obligations.length === 0 ? <p className="empty">{t('commitments.noObligations')}</p> : (
          <ul className="list">
            {obligations.map((o) => (
              <li key={o.id}>
                <Link to={`${base}/obligations/${o.id}`}>{o.title}</Link>
                {o.active ? null : <span className="badge badge-muted">{t('commitments.ended')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
