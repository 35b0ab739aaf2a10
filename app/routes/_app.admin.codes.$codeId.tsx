import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireAdmin } from '~/modules/auth/guards.server';
import { CodeDocument } from '~/modules/governance/components/code-tree';
import { LibraryUpload } from '~/modules/governance/components/library-upload';
import { getCodeTree } from '~/modules/governance/queries.server';
import { importLibraryAction } from '~/modules/governance/upload.server';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const code = await getCodeTree(idParam(params.codeId));
  if (!code) throw notFound();
  const history = await listHistory(null, 'governance-code', code.id);
  return json({ code, history });
}

// Replace this version: the file must be this code's key and version, and pass the same validation.
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireAdmin(request);
  const code = await getCodeTree(idParam(params.codeId));
  if (!code) throw notFound();
  return importLibraryAction(request, actor, { key: code.key, version: code.version });
}

export default function AdminCode() {
  const { t } = useTranslation('governance');
  const { code, history } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs"><Link to="/admin/codes">{t('admin.title')}</Link></p>
      <CodeDocument code={code} />
      <LibraryUpload title={t('admin.replaceTitle')} explanation={t('admin.replaceExplained', { key: code.key, version: code.version })} />
      <History events={history.rows} more={history.more} />
    </>
  );
}
