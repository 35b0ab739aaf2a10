import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireInstitution } from '~/modules/auth/guards.server';
import { CodeDocument } from '~/modules/governance/components/code-tree';
import { getCodeTree } from '~/modules/governance/queries.server';
import { notFound } from '~/utils/errors';
import { idParam } from '~/utils/route-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const code = await getCodeTree(idParam(params.codeId));
  if (!code) throw notFound();
  return json({ institution, code });
}

export default function CodePage() {
  const { t } = useTranslation('governance');
  const { institution, code } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/compliance/codes`}>{t('library.title')}</Link></p>
      <CodeDocument code={code} />
    </>
  );
}
