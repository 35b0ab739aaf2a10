import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateLocale } from '~/modules/obligations/components/moment-status';
import { formatDay } from '~/utils/dates';

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

/**
 * Reserved for the compliance area: the state of this year's governance-code statements (share,
 * deviations, flagged evidence). Replace the body when that area lands; the card's place is set.
 */
export function ComplianceSlot({ institutionId, year }: { institutionId: number; year: number }) {
  const { t } = useTranslation('dashboard');
  return (
    <DashboardCard id="dashboard-compliance" title={t('compliance.title', { year })} footer={<Link to={`/i/${institutionId}/compliance`}>{t('compliance.open')}</Link>}>
      <p className="placeholder-text">{t('compliance.pending')}</p>
    </DashboardCard>
  );
}

/** Reserved for the privacy area: data-subject requests past their one-month due date. */
export function PrivacySlot() {
  const { t } = useTranslation('dashboard');
  return (
    <DashboardCard id="dashboard-privacy" title={t('privacy.title')}>
      <p className="placeholder-text">{t('privacy.pending')}</p>
    </DashboardCard>
  );
}
