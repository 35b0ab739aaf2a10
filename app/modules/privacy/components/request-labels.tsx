import { useTranslation } from 'react-i18next';

const STATUS_TONE: Record<string, string> = {
  open: 'badge-info',
  'in-progress': 'badge-info',
  completed: 'badge-ok',
  refused: 'badge-muted',
};

/** A request's status; an open request past its deadline says so in words, not only in colour. */
export function RequestStatusBadge({ status, overdue }: { status: string; overdue: boolean }) {
  const { t } = useTranslation('privacy');
  return (
    <>
      <span className={`badge ${STATUS_TONE[status] ?? 'badge-muted'}`}>{t(`statuses.${status}`)}</span>
      {overdue ? <> <span className="badge badge-danger">{t('requests.overdue')}</span></> : null}
    </>
  );
}
