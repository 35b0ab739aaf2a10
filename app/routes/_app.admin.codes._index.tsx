import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAdmin } from '~/modules/auth/guards.server';
import { CodeLibraryTable } from '~/modules/governance/components/code-library';
import { LibraryUpload } from '~/modules/governance/components/library-upload';
import { importLibraryAction } from '~/modules/governance/upload.server';
import { listCodes } from '~/modules/governance/queries.server';

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
  const { t } = useTranslation('governance');
  const { codes } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('admin.title')}</h1>
          <p className="subtitle">{t('admin.subtitle')}</p>
        </div>
      </div>
      <CodeLibraryTable codes={codes} codeHref={(id) => `/admin/codes/${id}`} />
      <LibraryUpload title={t('admin.importTitle')} explanation={t('admin.importExplained')} />
    </>
  );
}
