import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import {
  ComplianceCard, CountList, DashboardCard, EmptyState, FollowUpList, PrivacyCard, ReviewList, StatTile,
} from '~/modules/dashboard/components/dashboard-cards';
import { privacyLinks } from '~/modules/dashboard/links';
import { getInstitutionDashboard, REVIEW_WINDOW_DAYS } from '~/modules/dashboard/queries.server';
import { MomentTable } from '~/modules/obligations/components/moment-table';
import { MOMENT_STATUSES } from '~/modules/obligations/rules';
import { TIERS } from '~/modules/stakeholders/rules';
import { endOfYearDay, startOfYearDay, today } from '~/utils/dates';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, role, can } = await requireInstitution(request, params);
  const dashboard = await getInstitutionDashboard(institution.id, today());
  // Quick actions start a record: only for those who may write (never a supervisor); adopting a
  // governance code is a manager's decision.
  return json({ institution, role, quickActions: can.write, mayAdopt: can.manage, reviewWindowDays: REVIEW_WINDOW_DAYS, ...dashboard });
}

export default function InstitutionDashboard() {
  const { t } = useTranslation('dashboard');
  const data = useLoaderData<typeof loader>();
  const {
    institution, role, quickActions, mayAdopt, year, stakeholders, agreements, obligations, moments, followUps, reviews, unverified, compliance, privacy,
  } = data;
  const base = `/i/${institution.id}`;
  const yearRange = `from=${startOfYearDay(year)}&to=${endOfYearDay(year)}`;
  const yearTotal = MOMENT_STATUSES.reduce((sum, s) => sum + moments.thisYear[s], 0);
  // Empty states offer the next step only to those who may take it.
  const action = (to: string, label: string) => (quickActions ? { to: `${base}${to}`, label } : null);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{institution.name}</h1>
          <p className="subtitle">{t(`common:sectors.${institution.sector}`)} · {t(`common:roles.${role}`)}</p>
        </div>
        {quickActions ? (
          <nav className="page-actions" aria-label={t('quickActions.label')}>
            <Link className="button" to={`${base}/stakeholders/new`}>{t('quickActions.newStakeholder')}</Link>
            <Link className="button button-secondary" to={`${base}/engagements/new`}>{t('quickActions.recordEngagement')}</Link>
            <Link className="button button-secondary" to={`${base}/obligations/new`}>{t('quickActions.newObligation')}</Link>
          </nav>
        ) : null}
      </div>

      <h2 className="visually-hidden">{t('counts.label')}</h2>
      <ul className="stats dashboard-stats" aria-label={t('counts.label')}>
        <StatTile to={`${base}/stakeholders?status=active`} value={stakeholders.active} label={t('counts.activeStakeholders')} />
        <StatTile to={`${base}/agreements?status=active`} value={agreements.byStatus.active} label={t('counts.activeAgreements')} />
        <StatTile to={`${base}/obligations?state=active`} value={obligations.active} label={t('counts.activeObligations')} />
        <StatTile to={`${base}/calendar?status=overdue`} value={moments.overdueTotal} label={t('counts.overdueMoments')} tone="danger" />
        <StatTile to={privacyLinks(institution.id).overdue} value={privacy.overdueTotal} label={t('counts.overdueRequests')} tone="danger" />
        <StatTile to={`${base}/engagements?followUp=open`} value={followUps.total} label={t('counts.openFollowUps')} tone="warn" />
        <StatTile to={`${base}/agreements?sort=reviewOn&dir=asc`} value={agreements.reviewsDue} label={t('counts.reviewsDue')} tone="warn" />
        <StatTile to={`${base}/data-currency`} value={unverified} label={t('counts.unverified')} tone="warn" />
      </ul>

      <div className="grid grid-2">
        <DashboardCard
          id="dashboard-tiers" title={t('tiers.title')} intro={t('tiers.intro')}
          footer={<Link to={`${base}/stakeholders`}>{t('tiers.all')}</Link>}
        >
          {stakeholders.active === 0 ? (
            <EmptyState text={t('tiers.empty')} action={action('/stakeholders/new', t('tiers.emptyAction'))} />
          ) : (
            <CountList
              caption={t('tiers.caption')}
              rows={TIERS.map((tier) => ({
                key: tier, label: t(`stakeholders:tiers.${tier}`), value: stakeholders.byTier[tier], to: `${base}/stakeholders?tier=${tier}&status=active`,
              }))}
            />
          )}
        </DashboardCard>

        <DashboardCard
          id="dashboard-year" title={t('year.title', { year })} intro={t('year.intro')}
          footer={<Link to={`${base}/calendar?status=all&${yearRange}`}>{t('upcoming.all')}</Link>}
        >
          {yearTotal === 0 ? (
            <EmptyState text={t('year.empty', { year })} action={action('/obligations/new', t('year.emptyAction'))} />
          ) : (
            <CountList
              caption={t('year.caption', { year })}
              rows={MOMENT_STATUSES.map((status) => ({
                key: status, label: t(`obligations:status.${status}`), value: moments.thisYear[status], to: `${base}/calendar?status=${status}&${yearRange}`,
              }))}
            />
          )}
        </DashboardCard>
      </div>

      <DashboardCard
        id="dashboard-overdue" title={t('overdue.title')}
        footer={moments.overdueTotal > moments.overdue.length
          ? <Link to={`${base}/calendar?status=overdue`}>{t('overdue.all', { count: moments.overdueTotal })}</Link>
          : null}
      >
        {moments.overdue.length === 0
          ? <EmptyState text={t('overdue.empty')} />
          : <MomentTable rows={moments.overdue} caption={t('overdue.caption', { count: moments.overdueTotal })} />}
      </DashboardCard>

      <DashboardCard id="dashboard-upcoming" title={t('upcoming.title')} footer={<Link to={`${base}/calendar`}>{t('upcoming.all')}</Link>}>
        {moments.upcoming.length === 0
          ? <EmptyState text={t('upcoming.empty')} action={action('/obligations/new', t('year.emptyAction'))} />
          : <MomentTable rows={moments.upcoming} caption={t('upcoming.caption')} />}
      </DashboardCard>

      <div className="grid grid-2">
        <DashboardCard
          id="dashboard-follow-ups" title={t('followUps.title')}
          footer={followUps.total > 0 ? <Link to={`${base}/engagements?followUp=open`}>{t('followUps.all', { count: followUps.total })}</Link> : null}
        >
          {followUps.rows.length === 0
            ? <EmptyState text={t('followUps.empty')} action={action('/engagements/new', t('quickActions.recordEngagement'))} />
            : <FollowUpList institutionId={institution.id} items={followUps.rows} />}
        </DashboardCard>

        <DashboardCard
          id="dashboard-reviews" title={t('reviews.title')} intro={t('reviews.intro', { days: data.reviewWindowDays })}
          footer={<Link to={`${base}/agreements?sort=reviewOn&dir=asc`}>{t('reviews.all')}</Link>}
        >
          {reviews.length === 0
            ? <EmptyState text={t('reviews.empty', { days: data.reviewWindowDays })} />
            : <ReviewList institutionId={institution.id} items={reviews} />}
        </DashboardCard>
      </div>

      <div className="grid grid-2">
        <ComplianceCard institutionId={institution.id} year={year} figures={compliance} canWrite={quickActions} canManage={mayAdopt} />
        <PrivacyCard institutionId={institution.id} today={data.today} {...privacy} />
      </div>
    </>
  );
}
