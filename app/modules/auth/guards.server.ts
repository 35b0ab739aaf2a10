import { redirect } from '@remix-run/node';
import { forbidden, notFound } from '~/utils/errors';
import { destroySession, getSession } from '~/utils/session.server';
import { oncePerView } from '~/utils/view-scope.server';
import { userActor, type Actor } from '~/modules/audit/actor';
import { can, capabilitiesOf, type Capability, type EffectiveRole } from './policy';
import { countMemberships, getInstitutionAccess, getSessionUser, type SessionUser } from './queries.server';

export type SignedIn = { user: SessionUser; actor: Actor };

export type InstitutionAccess = SignedIn & {
  institution: { id: number; name: string; sector: string };
  role: EffectiveRole;
  can: Record<Capability, boolean>;
};

function signInRedirect(request: Request, headers?: HeadersInit): never {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  const search = back === '/' ? '' : `?${new URLSearchParams({ redirectTo: back })}`;
  throw redirect(`/login${search}`, { headers });
}

/** The signed-in user, or a redirect to /login (ending a session that is no longer valid). */
export function requireUser(request: Request): Promise<SignedIn> {
  return oncePerView(request, 'user', () => loadSignedIn(request));
}

async function loadSignedIn(request: Request): Promise<SignedIn> {
  const session = await getSession(request);
  const userId = session.get('userId');
  if (!userId) signInRedirect(request);
  const user = await getSessionUser(userId, session.get('issuedAt') ?? 0);
  if (!user) signInRedirect(request, { 'Set-Cookie': await destroySession(session) });
  return { user, actor: userActor(user) };
}

/** The signed-in user if there is one; public pages use it to adapt, never to authorise. */
export async function optionalUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  const userId = session.get('userId');
  return userId ? getSessionUser(userId, session.get('issuedAt') ?? 0) : null;
}

/**
 * The guard of every page under /i/$institutionId: no membership → 404 (the institution's
 * existence is not revealed), a role without the capability → 403. Admins pass.
 */
export async function requireInstitution(
  request: Request,
  params: { institutionId?: string },
  capability: Capability = 'read',
): Promise<InstitutionAccess> {
  const institutionId = Number(params.institutionId);
  const access = await oncePerView(request, `institution ${params.institutionId}`, async () => {
    const signedIn = await requireUser(request);
    if (!Number.isSafeInteger(institutionId) || institutionId <= 0) throw notFound();
    const found = await getInstitutionAccess(signedIn.user.id, institutionId);
    const role: EffectiveRole | null = signedIn.user.isAdmin ? 'admin' : found?.role ?? null;
    if (!found || !role) throw notFound();
    const { institution } = found;
    if (!institution.active && role !== 'admin') throw notFound();
    return {
      ...signedIn,
      institution: { id: institution.id, name: institution.name, sector: institution.sector },
      role,
      can: capabilitiesOf(role),
    };
  });
  if (!can(access.role, capability)) throw forbidden();
  return access;
}

/**
 * /oversight: any signed-in user, scoped to the institutions of their memberships (admins: all).
 * The scope is read in each query; here only how many memberships there are (a supervisor may have hundreds).
 */
export async function requireOversight(request: Request) {
  const signedIn = await requireUser(request);
  const membershipCount = await countMemberships(signedIn.user.id);
  return { ...signedIn, membershipCount, allInstitutions: signedIn.user.isAdmin };
}

/** /admin: administrators only; everyone else gets 403. */
export async function requireAdmin(request: Request): Promise<SignedIn> {
  const signedIn = await requireUser(request);
  if (!signedIn.user.isAdmin) throw forbidden();
  return signedIn;
}
