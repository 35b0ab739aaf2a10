import type { Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import { hashToken, newToken } from '~/modules/auth/tokens.server';
import { db, inTransaction, User } from '~/utils/db.server';
import { appLink } from '~/utils/mailer.server';

/**
 * The personal calendar feed: a secret URL a calendar app subscribes to. Only the token's sha256
 * is stored, so the URL is shown once, when it is made; making a new one revokes the old.
 */

export const feedUrl = (token: string) => appLink(`/ics/${token}.ics`);

/** A new secret feed URL for the user; the previous one stops working at once. */
export async function regenerateCalendarFeed(actor: Actor, userId: number): Promise<{ url: string }> {
  const { token, hash } = newToken();
  await inTransaction(async (transaction) => {
    const user = await User.findByPk(userId, { attributes: ['id', 'calendarTokenHash'], transaction });
    if (!user) throw new Error(`No user ${userId}`);
    await User.update({ calendarTokenHash: hash }, { where: { id: userId }, transaction });
    await recordAudit(transaction, actor, {
      institutionId: null, entity: 'user', entityId: userId, action: user.calendarTokenHash ? 'calendar-feed-regenerate' : 'calendar-feed-create',
    });
  });
  return { url: feedUrl(token) };
}

export async function revokeCalendarFeed(actor: Actor, userId: number): Promise<void> {
  await inTransaction(async (transaction) => {
    const [changed] = await User.update({ calendarTokenHash: null }, { where: { id: userId }, transaction });
    if (changed) await recordAudit(transaction, actor, { institutionId: null, entity: 'user', entityId: userId, action: 'calendar-feed-revoke' });
  });
}

export async function hasCalendarFeed(userId: number): Promise<boolean> {
  const user = await User.findByPk(userId, { attributes: ['calendarTokenHash'] });
  return Boolean(user?.calendarTokenHash);
}

/** The active owner of a feed token (`<token>.ics` or bare), or null: unknown, revoked or deactivated. */
export async function findFeedOwner(tokenParam: string | undefined): Promise<{ id: number; isAdmin: boolean; locale: string | null; name: string } | null> {
  const token = (tokenParam ?? '').replace(/\.ics$/i, '');
  // newToken() makes 43 base64url characters; anything else cannot be one.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  // A public route: this may be the process's first query, before any session lookup opened the pool.
  await db();
  const user = await User.findOne({ where: { calendarTokenHash: hashToken(token) }, attributes: ['id', 'isAdmin', 'locale', 'name', 'active'] });
  if (!user || !user.active) return null;
  return { id: user.id, isAdmin: user.isAdmin, locale: user.locale, name: user.name };
}
