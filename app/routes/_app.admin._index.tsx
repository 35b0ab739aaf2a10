import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAdmin } from '~/modules/auth/guards.server';
import { countAdministration } from '~/modules/users/queries.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return json(await countAdministration());
}

export default function AdminOverview() {
  const { t } = useTranslation('admin');
  const counts = useLoaderData<typeof loader>();
  const sections = [
    { to: '/admin/institutions', title: t('overview.institutions'), body: t('overview.institutionsBody'), count: counts.institutions },
    { to: '/admin/users', title: t('overview.users'), body: t('overview.usersBody'), count: counts.users },
    { to: '/admin/outbox', title: t('overview.outbox'), body: t('overview.outboxBody'), count: counts.outbox },
    { to: '/admin/audit', title: t('overview.audit'), body: t('overview.auditBody'), count: null },
  ];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('overview.title')}</h1>
          <p className="subtitle">{t('overview.intro')}</p>
        </div>
      </div>
      <div className="grid grid-2">
        {sections.map((section) => (
          <section key={section.to} className="card">
            <h2><Link to={section.to}>{section.title}</Link></h2>
            <p>{section.body}</p>
            {section.count === null ? null : <p className="muted">{t('overview.count', { count: section.count })}</p>}
          </section>
        ))}
      </div>
    </>
  );
}
