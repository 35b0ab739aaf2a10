import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/modules/auth/guards.server';
import { recordSignOut } from '~/modules/auth/mutations.server';
import { destroySession, getSession } from '~/utils/session.server';

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireUser(request);
  await recordSignOut(actor);
  return redirect('/login', { headers: { 'Set-Cookie': await destroySession(await getSession(request)) } });
}

export async function loader({ request }: ActionFunctionArgs) {
  await requireUser(request);
  return redirect('/');
}
