import { useTranslation } from 'react-i18next';

const BADGES: Record<string, string> = { stored: 'badge-info', sent: 'badge-ok', failed: 'badge-danger' };

/** Stored in the outbox (no SMTP), sent, or failed — as a badge. */
export function MailStatus({ status }: { status: string }) {
  const { t } = useTranslation('admin');
  return <span className={`badge ${BADGES[status] ?? ''}`}>{t(`outbox.statuses.${status}`, { defaultValue: status })}</span>;
}
