import type { LoaderFunctionArgs } from '@remix-run/node';
import { NavLink, Outlet } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { requireAdmin } from '~/modules/auth/guards.server';

// The layout's guard protects only this loader: every page below calls requireAdmin itself.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

const SECTIONS = [
  { to: '/admin', key: 'nav.overview', end: true },
  { to: '/admin/institutions', key: 'nav.institutions', end: false },
  { to: '/admin/users', key: 'nav.users', end: false },
  { to: '/admin/codes', key: 'nav.codes', end: false },
  { to: '/admin/outbox', key: 'nav.outbox', end: false },
  { to: '/admin/audit', key: 'nav.audit', end: false },
] as const;

export default function AdminLayout() {
  const { t } = useTranslation('admin');
  return (
    <>
      <nav className="tabs" aria-label={t('nav.label')}>
        {SECTIONS.map((section) => (
          <NavLink key={section.to} to={section.to} end={section.end}>{t(section.key)}</NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
