import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { QuadrantBadge, StatusBadge, TierBadge } from '~/modules/stakeholders/components/labels';
import { getStakeholder } from '~/modules/stakeholders/queries.server';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

const TABS = [
  { key: 'profile', path: '' },
  { key: 'interests', path: 'interests' },
  { key: 'salience', path: 'salience' },
  { key: 'engagements', path: 'engagements' },
  { key: 'commitments', path: 'commitments' },
  { key: 'history', path: 'history' },
] as const;

const PARTY_PATHS = { organisation: 'organisations', person: 'persons', household: 'households' } as const;

// The stakeholder's header and tabs; each tab is its own route with its own guard and data.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const stakeholder = await getStakeholder(institution.id, idParam(params.stakeholderId));
  if (!stakeholder) throw notFound();
  return json({ institution, can, stakeholder });
}

export default function StakeholderLayout() {
  const { t } = useTranslation('stakeholders');
  const { institution, stakeholder } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/stakeholders/${stakeholder.id}`;
  return (
    <>
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/stakeholders`}>{t('register.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{stakeholder.name}</h1>
          <p className="subtitle">
            {t(`categories.${stakeholder.category}`)}{' · '}
            <Link to={`/i/${institution.id}/parties/${PARTY_PATHS[stakeholder.party.kind]}/${stakeholder.party.id}`}>
              {t('profile.inDirectory', { kind: t(`partyKinds.${stakeholder.party.kind}`) })}
            </Link>
            {stakeholder.party.active ? null : <> <span className="badge badge-muted">{t('profile.partyInactive')}</span></>}
          </p>
        </div>
        <div className="stakeholder-badges">
          <TierBadge tier={stakeholder.tier} /> <StatusBadge status={stakeholder.status} /> <QuadrantBadge quadrant={stakeholder.quadrant} />
        </div>
      </div>
      <AreaNav institutionId={institution.id} />
      <nav className="tabs" aria-label={t('tabs.label')}>
        {TABS.map((tab) => (
          <NavLink key={tab.key} to={tab.path ? `${base}/${tab.path}` : base} end>{t(`tabs.${tab.key}`)}</NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
