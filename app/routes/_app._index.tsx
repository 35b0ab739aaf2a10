import { json, redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/modules/auth/guards.server';
import { listMemberships } from '~/modules/auth/queries.server';
import { lastInstitutionCookie } from '~/utils/session.server';

/** `/`: back to the institution used last, straight into the only one, or a chooser. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const memberships = await listMemberships(user.id);
  const last = Number(await lastInstitutionCookie.parse(request.headers.get('Cookie')));
  if (memberships.some((m) => m.institutionId === last)) throw redirect(`/i/${last}`);
  if (memberships.length === 1 && !user.isAdmin) throw redirect(`/i/${memberships[0]!.institutionId}`);
  return json({ memberships, isAdmin: user.isAdmin });
}

export default function ChooseInstitution() {
  const { t } = useTranslation(['auth', 'common']);
  const { memberships, isAdmin } = useLoaderData<typeof loader>();
  return (
    <div className="main-narrow">
      <h1>{t('choose.title')}</h1>
      {memberships.length === 0 ? <p>{t('choose.none')}</p> : <p>{t('choose.intro')}</p>}
      <ul className="list card">
        {memberships.map((m) => (
          <li key={m.institutionId}>
            <Link to={`/i/${m.institutionId}`}>{m.institutionName}</Link>
            <span className="muted">{t(`common:roles.${m.role}`)} · {t(`common:sectors.${m.sector}`)}</span>
          </li>
        ))}
      </ul>
      {isAdmin ? <p className="muted">{t('choose.adminHint')}</p> : null}
    </div>
  );
}
