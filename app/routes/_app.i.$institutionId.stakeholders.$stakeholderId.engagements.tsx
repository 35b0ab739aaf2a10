import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import { EngagementList } from '~/modules/stakeholders/components/engagement-list';
import { listStakeholderEngagements } from '~/modules/stakeholders/engagement-queries.server';
import { getStakeholderName } from '~/modules/stakeholders/queries.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const stakeholderId = idParam(params.stakeholderId);
  if (!(await getStakeholderName(institution.id, stakeholderId))) throw notFound();
  const engagements = await listStakeholderEngagements(institution.id, stakeholderId);
  return json({ institution, can, stakeholderId, engagements, today: today() });
}

export default function StakeholderEngagements() {
  const { t } = useTranslation('stakeholders');
  const { pathname } = useLocation();
  const { institution, can, stakeholderId, engagements, today } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="engagements-heading">
      <div className="card-header">
        <h2 id="engagements-heading">{t('engagements.timeline')}</h2>
        {can.write ? <Link className="button" to={`/i/${institution.id}/engagements/new?stakeholderId=${stakeholderId}`}>{t('engagements.record')}</Link> : null}
      </div>
      <p className="muted">{t('engagements.timelineExplain')}</p>
      <EngagementList institutionId={institution.id} items={engagements} canWrite={can.write} back={pathname} today={today} />
    </section>
  );
}
