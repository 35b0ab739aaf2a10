import type { LoaderFunctionArgs } from '@remix-run/node';
import { ComingSoon } from '~/components/coming-soon';
import { requireOversight } from '~/modules/auth/guards.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOversight(request);
  return null;
}

export default function Placeholder() {
  return <ComingSoon areaKey="nav.oversight" />;
}
