import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { IntentButton } from '~/components/form-extras';
import { useDays } from './labels';

export type EngagementItem = {
  id: number; occurredOn: string; channel: string; direction: string; subject: string; summary: string | null;
  followUp: string | null; followUpDueOn: string | null; followUpDoneOn: string | null; followUpOwnerName: string | null;
  stakeholders: { id: number; name: string }[];
  participants: { personId: number; name: string; positionTitle: string | null; organisationName: string | null }[];
};

/** A follow-up and, while it is open, the button that ticks it off (then back to `back`). */
export function FollowUp({ institutionId, engagement, canWrite, back, today }: { institutionId: number; engagement: EngagementItem; canWrite: boolean; back: string; today: string }) {
  const { t } = useTranslation('stakeholders');
  const { day } = useDays();
  if (!engagement.followUp) return null;
  const overdue = !engagement.followUpDoneOn && engagement.followUpDueOn !== null && engagement.followUpDueOn < today;
  return (
    <div className="follow-up">
      <strong>{t('engagements.followUp')}:</strong> {engagement.followUp}{' '}
      <span className="muted">
        {engagement.followUpOwnerName ? t('engagements.owner', { name: engagement.followUpOwnerName }) : ''}
        {engagement.followUpDueOn ? ` · ${t('engagements.dueOn', { day: day(engagement.followUpDueOn) })}` : ''}
      </span>{' '}
      {engagement.followUpDoneOn
        ? <span className="badge badge-ok">{t('engagements.doneOn', { day: day(engagement.followUpDoneOn) })}</span>
        : overdue ? <span className="badge badge-danger">{t('engagements.overdue')}</span> : <span className="badge badge-warn">{t('engagements.open')}</span>}
      {!engagement.followUpDoneOn && canWrite ? (
        <Form method="post" action={`/i/${institutionId}/engagements/${engagement.id}`} className="inline-form">
          <input type="hidden" name="back" value={back} />
          <IntentButton intent="complete-follow-up" match={{ back }} className="button-secondary button-small">{t('engagements.tickOff')}</IntentButton>
        </Form>
      ) : null}
    </div>
  );
}

/** Contacts newest first, with who took part (and in which position) and their follow-up. */
export function EngagementList({ institutionId, items, canWrite, back, today }: { institutionId: number; items: EngagementItem[]; canWrite: boolean; back: string; today: string }) {
  const { t } = useTranslation('stakeholders');
  const { day } = useDays();
  if (items.length === 0) return <p className="empty">{t('engagements.none')}</p>;
  return (
    <ol className="timeline engagements">
      {items.map((e) => (
        <li key={e.id}>
          <div>
            <time dateTime={e.occurredOn}>{day(e.occurredOn)}</time>{' — '}
            <Link to={`/i/${institutionId}/engagements/${e.id}`}><strong>{e.subject}</strong></Link>{' '}
            <span className="muted">{t(`channels.${e.channel}`)} · {t(`directions.${e.direction}`)}</span>
          </div>
          <div className="muted">
            {e.stakeholders.map((s, index) => (
              <span key={s.id}>{index ? ', ' : ''}<Link to={`/i/${institutionId}/stakeholders/${s.id}`}>{s.name}</Link></span>
            ))}
            {e.participants.length ? ` · ${e.participants.map((p) => (p.positionTitle ? `${p.name} (${p.positionTitle}, ${p.organisationName})` : p.name)).join('; ')}` : ''}
          </div>
          {e.summary ? <p className="summary">{e.summary.length > 280 ? `${e.summary.slice(0, 280)}…` : e.summary}</p> : null}
          <FollowUp institutionId={institutionId} engagement={e} canWrite={canWrite} back={back} today={today} />
        </li>
      ))}
    </ol>
  );
}
