import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import { listAdoptions, listCodes } from '~/modules/governance/queries.server';
import { TableCaption, TableWrap } from '~/components/table-wrap';

// The code library as members see it: read-only; admins import, managers adopt.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const [codes, adoptions] = await Promise.all([listCodes(), listAdoptions(institution.id)]);
  return json({ institution, codes, adopted: adoptions.map((a) => a.code.id) });
}

export default function CodeLibrary() {
  const { t, i18n } = useTranslation('governance');
  const language = i18n.language === 'en' ? 'en' : 'nl';
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
      {codes.length === 0 ? <p className="empty">{t('library.none')}</p> : (
        <TableWrap>
          <table>
            <TableCaption>{t('library.caption', { count: codes.length })}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t('library.code')}</th>
                <th scope="col">{t('code.version')}</th>
                <th scope="col">{t('code.sectors')}</th>
                <th scope="col" className="number">{t('library.provisions')}</th>
                <th scope="col">{t('code.coverage')}</th>
                <th scope="col">{t('library.adopted')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`${base}/codes/${c.id}`}>{c.title[language]}</Link></td>
                  <td>{c.version}</td>
                  <td>{c.sectors.map((s) => t(`common:sectors.${s}`)).join(', ')}</td>
                  <td className="number">{c.provisions}</td>
                  <td>{c.coverage === 'partial' ? <span className="badge badge-warn">{t('coverage.partial')}</span> : <span className="badge badge-ok">{t('coverage.complete')}</span>}</td>
                  <td>{adopted.includes(c.id) ? t('common:yes') : t('common:no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
