import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, role } = await requireInstitution(request, params);
  return json({ institution, role });
}

export default function InstitutionDashboard() {
  const { t } = useTranslation();
  const { institution, role } = useLoaderData<typeof loader>();
  return (
    <div className="page-header">
      <div>
        <h1>{institution.name}</h1>
        <p className="subtitle">{t(`sectors.${institution.sector}`)} · {t(`roles.${role}`)}</p>
      </div>
    </div>
  );
}
