import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useDays } from '~/modules/stakeholders/components/labels';

type Item =
  | { kind: 'engagement'; day: string; id: number; subject: string; channel: string; participants: { personId: number; name: string; title: string | null }[] }
  | { kind: 'position-start' | 'position-end'; day: string; id: number; personId: number; personName: string; title: string }
  | { kind: 'assessment'; day: string; id: number; quadrant: string; mitchellClass: string; power: number; interest: number };

/** An organisation's history, newest first: contacts, people arriving and leaving, salience assessments. */
export function OrganisationTimeline({ institutionId, items }: { institutionId: number; items: Item[] }) {
  const { t } = useTranslation('parties');
  const { day } = useDays();
  const base = `/i/${institutionId}`;
  if (items.length === 0) return <p className="empty">{t('timeline.none')}</p>;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          <time dateTime={item.day}>{day(item.day)}</time>{' — '}
          {item.kind === 'engagement' ? (
            <>
              <Link to={`${base}/engagements/${item.id}`}>{item.subject}</Link>{' '}
              <span className="muted">
                {t(`stakeholders:channels.${item.channel}`)}
                {item.participants.length ? ` · ${item.participants.map((p) => (p.title ? `${p.name} (${p.title})` : p.name)).join(', ')}` : ''}
              </span>
            </>
          ) : item.kind === 'assessment' ? (
            <span>{t('timeline.assessment', { quadrant: t(`stakeholders:quadrants.${item.quadrant}`), power: item.power, interest: item.interest })}</span>
          ) : (
            <span>
              {t(item.kind === 'position-start' ? 'timeline.started' : 'timeline.ended', { title: item.title })}{' '}
              <Link to={`${base}/parties/persons/${item.personId}`}>{item.personName}</Link>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
