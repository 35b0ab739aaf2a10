import { createCookieSessionStorage } from '@remix-run/node';
import { env, secureCookies } from '~/utils/env.server';
import { PortalLink, Person, db } from '~/utils/db.server';
import { PORTAL_SESSION_MINUTES } from './rules';

/**
 * The portal's own session: a signed cookie that only /portal ever receives, holding the id of the
 * link that opened it and when it ends. It is no sign-in: the app's session cookie is untouched.
 */
type PortalSessionData = { linkId: number; expiresAt: number };

let storage: ReturnType<typeof createCookieSessionStorage<PortalSessionData>> | null = null;

function portalStorage() {
  storage ??= createCookieSessionStorage<PortalSessionData>({
    cookie: {
      name: '__horizon_portal',
      path: '/portal',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(),
      secrets: [env().SESSION_SECRET],
      maxAge: PORTAL_SESSION_MINUTES * 60,
    },
  });
  return storage;
}

/** The Set-Cookie of a new portal session for this link. */
export async function startPortalSession(linkId: number, expiresAt: Date): Promise<string> {
  const session = await portalStorage().getSession();
  session.set('linkId', linkId);
  session.set('expiresAt', expiresAt.getTime());
  return portalStorage().commitSession(session, { expires: expiresAt });
}

export async function endPortalSession(request: Request): Promise<string> {
  return portalStorage().destroySession(await portalStorage().getSession(request.headers.get('Cookie')));
}

export type PortalContact = { linkId: number; institutionId: number; personId: number; expiresAt: string };

/**
 * Who the portal request is for, re-checked against the database on every request: the cookie's
 * own end (its max-age is the browser's business, this one is ours), the link not revoked since
 * (a newer link, an erasure), the person not erased. The person and institution come from the
 * link row, never from the cookie, so a merge that moved the link is followed.
 */
export async function getPortalContact(request: Request): Promise<PortalContact | null> {
  const session = await portalStorage().getSession(request.headers.get('Cookie'));
  const linkId = session.get('linkId');
  const expiresAt = session.get('expiresAt');
  if (typeof linkId !== 'number' || typeof expiresAt !== 'number' || expiresAt <= Date.now()) return null;
  await db();
  const link = await PortalLink.findByPk(linkId);
  if (!link || link.revokedAt || !link.usedAt) return null;
  const person = await Person.findOne({ where: { id: link.personId, institutionId: link.institutionId }, attributes: ['id', 'erasedAt', 'mergedIntoId'] });
  if (!person || person.erasedAt || person.mergedIntoId) return null;
  return { linkId: link.id, institutionId: link.institutionId, personId: link.personId, expiresAt: new Date(expiresAt).toISOString() };
}
