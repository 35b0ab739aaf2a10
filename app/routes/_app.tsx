import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, NavLink, Outlet, useLoaderData, useParams, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { LanguageSwitch } from '~/components/language-switch';
import { CHOOSER_PATH } from '~/modules/auth/paths';
import { requireUser } from '~/modules/auth/guards.server';
import { getMembership, listMembershipsPage, type MembershipSummary } from '~/modules/auth/queries.server';
import { lastInstitutionCookie } from '~/utils/session.server';
import type { loader as institutionLoader } from './_app.i.$institutionId';

/** Up to this many memberships, the sidebar lists them all; beyond, one and a link to the chooser. */
export const SIDEBAR_INSTITUTIONS = 8;

/**
 * The sidebar's institutions, read on every page: all of them when there are few; otherwise the
 * institution of the page (else the one used last) and how many there are, so a supervisor of
 * hundreds gets one link and "All institutions (N)" rather than hundreds of links.
 */
async function sidebarInstitutions(request: Request, userId: number, institutionId: string | undefined) {
  const first = await listMembershipsPage(userId, { limit: SIDEBAR_INSTITUTIONS, offset: 0 });
  if (first.total <= SIDEBAR_INSTITUTIONS) return { listed: first.rows, total: first.total };
  const remembered = institutionId ?? (await lastInstitutionCookie.parse(request.headers.get('Cookie')));
  const id = Number(remembered);
  const current: MembershipSummary | null = Number.isSafeInteger(id) && id > 0 ? await getMembership(userId, id) : null;
  return { listed: current ? [current] : [], total: first.total };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const institutions = await sidebarInstitutions(request, user.id, params.institutionId);
  return json({ user: { name: user.name, email: user.email, isAdmin: user.isAdmin }, institutions });
}

const INSTITUTION_AREAS = ['stakeholders', 'agreements', 'obligations', 'calendar', 'compliance', 'privacy', 'data-quality', 'imports', 'audit'] as const;

function InstitutionNav({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof institutionLoader>('routes/_app.i.$institutionId');
  const base = `/i/${institutionId}`;
  return (
    <>
      <h2 id="nav-institution">{t('nav.institution')}</h2>
      {data ? <p className="institution-name">{data.institution.name}</p> : null}
      <ul aria-labelledby="nav-institution">
        <li><NavLink to={base} end>{t('nav.dashboard')}</NavLink></li>
        {INSTITUTION_AREAS.filter((area) => (area !== 'audit' || data?.can.manage) && (area !== 'imports' || data?.can.write)).map((area) => (
          <li key={area}><NavLink to={`${base}/${area}`}>{t(`nav.${area}`)}</NavLink></li>
        ))}
      </ul>
    </>
  );
}

export default function AppShell() {
  const { t } = useTranslation();
  const { user, institutions } = useLoaderData<typeof loader>();
  const { institutionId } = useParams();
  return (
    <>
      <a href="#main" className="skip-link">{t('skipToContent')}</a>
      <header className="topbar">
        <a href="/" className="brand"><span className="brand-mark" aria-hidden="true" />{t('appName')}</a>
        <span className="topbar-spacer" />
        <LanguageSwitch compact />
        <span className="topbar-user">{user.name}</span>
        <Form method="post" action="/logout">
          <button type="submit" className="button-link">{t('actions.signOut')}</button>
        </Form>
      </header>
      <div className="shell">
        <nav className="sidebar" aria-label={t('nav.main')}>
          {institutionId ? <InstitutionNav institutionId={institutionId} /> : null}
          <h2 id="nav-institutions">{t('nav.institutions')}</h2>
          <ul aria-labelledby="nav-institutions">
            {institutions.listed.map((m) => (
              <li key={m.institutionId}><NavLink to={`/i/${m.institutionId}`} end>{m.institutionName}</NavLink></li>
            ))}
            {institutions.total > institutions.listed.length
              ? <li><Link to={CHOOSER_PATH}>{t('nav.allInstitutions', { count: institutions.total })}</Link></li>
              : null}
          </ul>
          <h2 id="nav-across">{t('nav.across')}</h2>
          <ul aria-labelledby="nav-across">
            <li><NavLink to="/oversight">{t('nav.oversight')}</NavLink></li>
            {user.isAdmin ? <li><NavLink to="/admin">{t('nav.admin')}</NavLink></li> : null}
            <li><NavLink to="/account">{t('nav.account')}</NavLink></li>
          </ul>
        </nav>
        <main className="main" id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
