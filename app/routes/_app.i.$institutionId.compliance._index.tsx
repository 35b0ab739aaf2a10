import type { LoaderFunctionArgs } from '@remix-run/node';
import { ComingSoon } from '~/components/coming-soon';
import { requireInstitution } from '~/modules/auth/guards.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireInstitution(request, params);
  return null;
}

export default function Placeholder() {
  return <ComingSoon areaKey="nav.compliance" />;
}
