import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { getLocale } from '~/i18n/i18next.server';
import stylesheet from '~/styles/app.css';
import { commitSession, getSession } from '~/utils/session.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'Horizon' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const session = await getSession(request);
  const toast = session.get('toast') ?? null;
  return json(
    { locale, toast },
    // Reading a flash message spends it; the cookie must say so.
    toast ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
  );
}

export const handle = { i18n: ['common'] };

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const locale = data?.locale ?? 'nl';
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Toast({ message }: { message: string | null }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(Boolean(message));
  useEffect(() => {
    setVisible(Boolean(message));
    if (!message) return;
    const timer = setTimeout(() => setVisible(false), 6000);
    return () => clearTimeout(timer);
  }, [message]);
  if (!message || !visible) return null;
  return <div className="toast" role="status">{t(message)}</div>;
}

export default function App() {
  const { locale, toast } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return (
    <>
      <Outlet />
      <Toast message={toast} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
