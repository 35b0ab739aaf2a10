import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

const SECTIONS = [
  { key: 'requests', path: 'privacy' },
  { key: 'corrections', path: 'privacy/corrections' },
] as const;

/** The privacy area's tabs: the request log (with the person finder) and the corrections queue. */
export function PrivacyNav({ institutionId, pendingCorrections }: { institutionId: number; pendingCorrections?: number }) {
  const { t } = useTranslation('privacy');
  const { pathname } = useLocation();
  const base = `/i/${institutionId}/`;
  const current = pathname.startsWith(`${base}privacy/corrections`) ? 'corrections' : 'requests';
  return (
    <nav className="tabs" aria-label={t('nav.label')}>
      {SECTIONS.map((section) => (
        <Link key={section.key} to={`${base}${section.path}`} aria-current={current === section.key ? 'page' : undefined}>
          {t(`nav.${section.key}`)}
          {section.key === 'corrections' && pendingCorrections ? <> <span className="badge badge-warn">{pendingCorrections}</span></> : null}
        </Link>
      ))}
    </nav>
  );
}
