import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAdmin } from '~/modules/auth/guards.server';
import { LibraryUpload } from '~/modules/governance/components/library-upload';
import { importLibraryAction } from '~/modules/governance/upload.server';
import { listCodes } from '~/modules/governance/queries.server';
import { TableCaption, TableWrap } from '~/components/table-wrap';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return json({ codes: await listCodes() });
}

// An uploaded library file: validated as the command line does, every problem listed by path, nothing written unless all is well.
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireAdmin(request);
  return importLibraryAction(request, actor);
}

export default function AdminCodes() {
  const { t, i18n } = useTranslation('governance');
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const { codes } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('admin.title')}</h1>
          <p className="subtitle">{t('admin.subtitle')}</p>
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
                <th scope="col">{t('code.issuer')}</th>
                <th scope="col" className="number">{t('library.principles')}</th>
                <th scope="col" className="number">{t('library.provisions')}</th>
                <th scope="col">{t('code.coverage')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/admin/codes/${c.id}`}>{c.title[language]}</Link> <span className="muted">{c.key}</span></td>
                  <td>{c.version}</td>
                  <td>{c.issuer}</td>
                  <td className="number">{c.principles}</td>
                  <td className="number">{c.provisions}</td>
                  <td>{c.coverage === 'partial' ? <span className="badge badge-warn">{t('coverage.partial')}</span> : <span className="badge badge-ok">{t('coverage.complete')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <LibraryUpload title={t('admin.importTitle')} explanation={t('admin.importExplained')} />
    </>
  );
}
