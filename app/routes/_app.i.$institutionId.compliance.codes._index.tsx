import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import { CodeLibraryTable } from '~/modules/governance/components/code-library';
import { listAdoptions, listCodes } from '~/modules/governance/queries.server';

// The code library as members see it: read-only; admins import, managers adopt.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const [codes, adoptions] = await Promise.all([listCodes(), listAdoptions(institution.id)]);
  return json({ institution, codes, adopted: adoptions.map((a) => a.code.id) });
}

export default function CodeLibrary() {
  const { t } = useTranslation('governance');
  const { institution, codes, adopted } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/compliance`;
  return (
    <>
      <p className="breadcrumbs"><Link to={base}>{t('compliance:index.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t('library.title')}</h1>
          <p className="subtitle">{t('library.subtitle')}</p>
        </div>
      </div>
      <CodeLibraryTable codes={codes} codeHref={(id) => `${base}/codes/${id}`} adopted={adopted} />
    </>
  );
}
