import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

const SECTIONS = [
  { key: 'register', path: 'stakeholders' },
  { key: 'map', path: 'stakeholders/map' },
  { key: 'organisations', path: 'parties/organisations' },
  { key: 'persons', path: 'parties/persons' },
  { key: 'households', path: 'parties/households' },
  { key: 'interests', path: 'interests' },
  { key: 'engagements', path: 'engagements' },
  { key: 'dataCurrency', path: 'data-currency' },
  { key: 'themes', path: 'themes' },
] as const;

/**
 * The sub-navigation of "know your stakeholders": the register, its map, the party directory,
 * interests, the engagement log, data currency and themes — one place reached from the sidebar.
 */
export function AreaNav({ institutionId }: { institutionId: number }) {
  const { t } = useTranslation('stakeholders');
  const { pathname } = useLocation();
  const base = `/i/${institutionId}/`;
  // The longest matching section is the current one: /stakeholders/map is the map, /stakeholders/7 the register.
  const current = SECTIONS.filter((s) => pathname === `${base}${s.path}` || pathname.startsWith(`${base}${s.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
  return (
    <nav className="tabs area-nav" aria-label={t('nav.label')}>
      {SECTIONS.map((section) => (
        <Link key={section.key} to={`${base}${section.path}`} aria-current={current === section.key ? 'page' : undefined}>
          {t(`nav.${section.key}`)}
        </Link>
      ))}
    </nav>
  );
}
