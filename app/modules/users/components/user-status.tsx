import { useTranslation } from 'react-i18next';

/** Active, invited (no password chosen yet) or deactivated, as a badge. */
export function UserStatus({ user }: { user: { active: boolean; hasPassword: boolean } }) {
  const { t } = useTranslation('admin');
  if (!user.active) return <span className="badge badge-muted">{t('users.deactivated')}</span>;
  if (!user.hasPassword) return <span className="badge badge-info">{t('users.invited')}</span>;
  return <span className="badge badge-ok">{t('users.active')}</span>;
}
