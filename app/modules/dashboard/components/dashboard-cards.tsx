import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ShareValue } from '~/modules/governance/components/labels';
import type { StatementStatus } from '~/modules/governance/rules';
import { useDateLocale } from '~/modules/obligations/components/moment-status';
import { differenceInDays, formatDay } from '~/utils/dates';
import { formatInstant } from '~/utils/instants';
import { complianceLinks, privacyLinks } from '../links';

/**
 * The pieces of the institution dashboard. Every number is a link to the list it counts, filtered
 * the same way; every item links to its own page.
 */

export type Tone = 'danger' | 'warn' | null;

/** One figure of the "at a glance" row. */
export function StatTile({ to, value, label, tone = null }: { to: string; value: number; label: string; tone?: Tone }) {
  return (
    <li>
      <Link to={to} className={`stat${tone && value > 0 ? ` stat-${tone}` : ''}`}>
        <span className="stat-value">{value}</span> <span className="stat-label">{label}</span>
      </Link>
    </li>
  );
}

/** A titled card; its heading names the region for screen readers. */
export function DashboardCard({ id, title, intro, footer, children }: { id: string; title: string; intro?: string; footer?: ReactNode; children: ReactNode }) {
  return (
    <section className="card dashboard-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro ? <p className="muted">{intro}</p> : null}
      {children}
      {footer ? <p className="card-footer">{footer}</p> : null}
    </section>
  );
}

/** A short list of "label … count" rows, each count a link; the caption is for screen readers. */
export function CountList({ caption, rows }: { caption: string; rows: { key: string; label: ReactNode; value: number; to: string }[] }) {
  return (
    <ul className="list count-list" aria-label={caption}>
      {rows.map((row) => (
        <li key={row.key}>
          <span>{row.label}</span>
          <Link to={row.to} className="count-link">{row.value}</Link>
        </li>
      ))}
    </ul>
  );
}

/** What an empty card says, and for those who may act, the link that starts it. */
export function EmptyState({ text, action }: { text: string; action?: { to: string; label: string } | null }) {
  return (
    <div className="empty-state">
      <p className="empty">{text}</p>
      {action ? <Link className="button button-secondary button-small" to={action.to}>{action.label}</Link> : null}
    </div>
  );
}

export type FollowUpItem = {
  engagementId: number; subject: string; followUp: string; dueOn: string | null; overdue: boolean;
  ownerName: string | null; stakeholders: { id: number; name: string }[];
};

export function FollowUpList({ institutionId, items }: { institutionId: number; items: FollowUpItem[] }) {
  const { t } = useTranslation('dashboard');
  const locale = useDateLocale();
  const base = `/i/${institutionId}`;
  return (
    <ul className="list dashboard-items">
      {items.map((f) => (
        <li key={f.engagementId}>
          <div>
            <Link to={`${base}/engagements/${f.engagementId}`}>{f.followUp}</Link>
            <div className="muted">
              {f.subject}
              {f.stakeholders.map((s) => <span key={s.id}> · <Link to={`${base}/stakeholders/${s.id}`}>{s.name}</Link></span>)}
              {f.ownerName ? ` · ${t('stakeholders:engagements.owner', { name: f.ownerName })}` : ''}
            </div>
          </div>
          <div className="item-meta">
            {f.dueOn ? <time dateTime={f.dueOn}>{formatDay(f.dueOn, locale)}</time> : <span className="muted">{t('followUps.noDueDate')}</span>}
            {f.overdue ? <> <span className="badge badge-danger">{t('stakeholders:engagements.overdue')}</span></> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export type ReviewItem = { id: number; title: string; reviewOn: string; status: string; overdue: boolean };

export function ReviewList({ institutionId, items }: { institutionId: number; items: ReviewItem[] }) {
  const { t } = useTranslation('dashboard');
  const locale = useDateLocale();
  return (
    <ul className="list dashboard-items">
      {items.map((r) => (
        <li key={r.id}>
          <div>
            <Link to={`/i/${institutionId}/agreements/${r.id}`}>{r.title}</Link>
            <div className="muted">{t(`agreements:statuses.${r.status}`)}</div>
          </div>
          <div className="item-meta">
            <time dateTime={r.reviewOn}>{t('reviews.reviewOn', { date: formatDay(r.reviewOn, locale) })}</time>
            {r.overdue ? <> <span className="badge badge-danger">{t('agreements:review.overdue')}</span></> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export type ComplianceFigures = {
  adopted: boolean;
  state: { approvedAt: string | null; approvedBy: string | null; locked: boolean } | null;
  counts: Record<StatementStatus, number>;
  statements: number;
  share: number | null;
  review: number;
  flagged: number;
};

/**
 * This year's governance-code statements: the share, whether the year is approved, and what still
 * needs someone (to review, flagged, not assessed), each count opening the overview filtered so.
 */
export function ComplianceCard({ institutionId, year, figures, canWrite, canManage }: {
  institutionId: number; year: number; figures: ComplianceFigures; canWrite: boolean; canManage: boolean;
}) {
  const { t } = useTranslation('dashboard');
  const locale = useDateLocale();
  const links = complianceLinks(institutionId, year);
  const { adopted, state, statements } = figures;
  const opened = state !== null || statements > 0;
  return (
    <DashboardCard
      id="dashboard-compliance" title={t('compliance.title', { year })}
      footer={<Link to={opened ? links.overview : links.index}>{opened ? t('compliance.overview', { year }) : t('compliance.open')}</Link>}
    >
      {!opened && !adopted ? (
        <EmptyState text={t('compliance.noCode', { year })} action={canManage ? { to: links.index, label: t('compliance.adopt') } : null} />
      ) : !opened ? (
        <EmptyState text={t('compliance.notOpened', { year })} action={canWrite ? { to: links.overview, label: t('compliance.openYear', { year }) } : null} />
      ) : (
        <>
          <p className="compliance-headline">
            <Link to={links.overview} className="count-link">
              <ShareValue share={figures.share} /> <span className="stat-label">{t('compliance.share')}</span>
            </Link>{' '}
            {state?.locked
              ? <span className="badge badge-ok">{t('compliance.approved')}</span>
              : <span className="badge badge-info">{t('compliance.openState')}</span>}
          </p>
          {state?.locked && state.approvedAt ? (
            <p className="muted">{t('compliance.approvedBy', { name: state.approvedBy ?? t('compliance.someone'), when: formatInstant(state.approvedAt, locale) })}</p>
          ) : null}
          <CountList
            caption={t('compliance.caption', { year, count: statements })}
            rows={[
              { key: 'review', label: t('compliance.review'), value: figures.review, to: links.review },
              { key: 'flagged', label: t('compliance.flagged'), value: figures.flagged, to: links.flagged },
              { key: 'not-assessed', label: t('compliance.notAssessed'), value: figures.counts['not-assessed'], to: links.notAssessed },
            ]}
          />
        </>
      )}
    </DashboardCard>
  );
}

export type OverdueRequestItem = { id: number; kind: string; requester: string; effectiveDueOn: string; extendedTo: string | null };

/**
 * Data-subject requests past their (extended) deadline, the longest overdue first, in the danger
 * colour and in words; and the portal's correction proposals waiting for someone to review them.
 */
export function PrivacyCard({ institutionId, today, overdue, overdueTotal, pendingCorrections }: {
  institutionId: number; today: string; overdue: OverdueRequestItem[]; overdueTotal: number; pendingCorrections: number;
}) {
  const { t } = useTranslation('dashboard');
  const locale = useDateLocale();
  const links = privacyLinks(institutionId);
  return (
    <DashboardCard id="dashboard-privacy" title={t('privacy.title')} footer={<Link to={links.index}>{t('privacy.all')}</Link>}>
      {overdueTotal === 0 ? <EmptyState text={t('privacy.noneOverdue')} /> : (
        <>
          <p className="notice notice-danger">
            <Link to={links.overdue}>{t('privacy.overdueNotice', { count: overdueTotal })}</Link>
          </p>
          <ul className="list dashboard-items" aria-label={t('privacy.caption', { count: overdueTotal })}>
            {overdue.map((r) => (
              <li key={r.id}>
                <div>
                  <Link to={links.request(r.id)}>{t(`privacy:kinds.${r.kind}`)}</Link>
                  <div className="muted">{r.requester}</div>
                </div>
                <div className="item-meta">
                  <time dateTime={r.effectiveDueOn}>{t(r.extendedTo ? 'privacy.extendedTo' : 'privacy.dueOn', { date: formatDay(r.effectiveDueOn, locale) })}</time>{' '}
                  <span className="badge badge-danger">{t('privacy.daysOverdue', { count: differenceInDays(today, r.effectiveDueOn) })}</span>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <CountList
        caption={t('privacy.corrections')}
        rows={[{ key: 'corrections', label: t('privacy.corrections'), value: pendingCorrections, to: links.corrections }]}
      />
    </DashboardCard>
  );
}
