import { json } from '@remix-run/node';
import { checkDatabase } from '~/modules/institutions/health.server';

// Public (see public-routes.ts): load balancers ask it whether this process can serve.
export async function loader() {
  const health = await checkDatabase();
  return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
