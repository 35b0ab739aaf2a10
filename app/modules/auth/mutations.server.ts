import { subMinutes } from 'date-fns';
import { AuthToken, db, inTransaction, Op, SignInFailure, User } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import { userActor, type Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import { decoyHash, hashPassword, verifyPassword } from './password.server';
import type { SessionUser } from './queries.server';
import { isThrottled, normaliseEmail, THROTTLE_WINDOW_MINUTES } from './rules';
import { hashToken } from './tokens.server';

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: 'invalid' | 'throttled' };

async function recentFailures(email: string, clientAddress: string) {
  const since = subMinutes(new Date(), THROTTLE_WINDOW_MINUTES);
  const [account, address] = await Promise.all([
    SignInFailure.count({ where: { scope: 'account', subject: email, failedAt: { [Op.gte]: since } } }),
    SignInFailure.count({ where: { scope: 'address', subject: clientAddress, failedAt: { [Op.gte]: since } } }),
  ]);
  return { account, address };
}

async function recordFailure(email: string, clientAddress: string) {
  const failedAt = new Date();
  await inTransaction(async (transaction) => {
    await SignInFailure.bulkCreate(
      [
        { scope: 'account', subject: email, failedAt },
        { scope: 'address', subject: clientAddress, failedAt },
      ],
      { transaction },
    );
    // Old failures only slow the count down; a day is far beyond the window.
    await SignInFailure.destroy({
      where: { subject: { [Op.in]: [email, clientAddress] }, failedAt: { [Op.lt]: subMinutes(failedAt, 24 * 60) } },
      transaction,
    });
  });
}

/**
 * Checks a password. An unknown email, a deactivated account and a wrong password get the same
 * answer after the same work, so the form cannot be used to find out who has an account.
 */
export async function signIn(input: { email: string; password: string }, clientAddress: string): Promise<SignInResult> {
  // A public entry point: the models must be bound to the open pool before the first query.
  await db();
  const email = normaliseEmail(input.email);
  if (isThrottled(await recentFailures(email, clientAddress))) return { ok: false, reason: 'throttled' };

  const user = await User.findOne({ where: { email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.active || !user.passwordHash || !valid) {
    await recordFailure(email, clientAddress);
    return { ok: false, reason: 'invalid' };
  }

  await inTransaction(async (transaction) => {
    await SignInFailure.destroy({ where: { scope: 'account', subject: email }, transaction });
    await recordAudit(transaction, userActor(user), { institutionId: null, entity: 'user', entityId: user.id, action: 'sign-in' });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, locale: user.locale } };
}

export async function recordSignOut(actor: Actor): Promise<void> {
  await inTransaction((transaction) =>
    recordAudit(transaction, actor, { institutionId: null, entity: 'user', entityId: actor.userId, action: 'sign-out' }),
  );
}

/** Follows a one-time set-password link: valid, unexpired and unused, or refused. */
export async function findUsableToken(token: string) {
  await db();
  const row = await AuthToken.findOne({ where: { tokenHash: hashToken(token), purpose: 'set-password' } });
  if (!row || row.usedAt || row.expiresAt.getTime() < Date.now()) return null;
  const user = await User.findByPk(row.userId);
  if (!user || !user.active) return null;
  return { tokenId: row.id, user: { id: user.id, email: user.email, name: user.name } };
}

/** Sets the password from an invite link and spends the link, in one transaction. */
export async function setPasswordWithToken(token: string, password: string): Promise<SessionUser> {
  const passwordHash = await hashPassword(password);
  return inTransaction(async (transaction) => {
    const row = await AuthToken.findOne({ where: { tokenHash: hashToken(token), purpose: 'set-password' }, transaction });
    if (!row || row.usedAt || row.expiresAt.getTime() < Date.now()) throw new DomainError('not-found', 'auth:invite.invalid');
    // Spending the token with a guarded update: of two simultaneous submissions only one wins.
    const [spent] = await AuthToken.update(
      { usedAt: new Date() },
      { where: { id: row.id, usedAt: { [Op.is]: null } }, transaction },
    );
    if (spent !== 1) throw new DomainError('not-found', 'auth:invite.invalid');
    const user = await User.findByPk(row.userId, { transaction });
    if (!user || !user.active) throw new DomainError('not-found', 'auth:invite.invalid');
    await user.update({ passwordHash, sessionsValidAfter: new Date() }, { transaction });
    await recordAudit(transaction, userActor(user), {
      institutionId: null, entity: 'user', entityId: user.id, action: 'set-password', changes: { password: ['•••', '•••'] },
    });
    return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, locale: user.locale };
  });
}

/** Changes one's own password; the old one is required, and other sessions end. */
export async function changePassword(actor: Actor, input: { currentPassword: string; password: string }): Promise<void> {
  if (actor.userId === null) throw new DomainError('forbidden', 'common:errors.forbidden');
  const user = await User.findByPk(actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new DomainError('invalid', 'auth:errors.currentPasswordWrong', { currentPassword: 'auth:errors.currentPasswordWrong' });
  }
  const passwordHash = await hashPassword(input.password);
  await inTransaction(async (transaction) => {
    await user.update({ passwordHash, sessionsValidAfter: new Date() }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: null, entity: 'user', entityId: user.id, action: 'change-password', changes: { password: ['•••', '•••'] },
    });
  });
}

export async function setOwnLanguage(actor: Actor, locale: 'nl' | 'en'): Promise<void> {
  if (actor.userId === null) return;
  await inTransaction(async (transaction) => {
    const user = await User.findByPk(actor.userId!, { transaction });
    if (!user || user.locale === locale) return;
    const before = user.locale;
    await user.update({ locale }, { transaction });
    await recordAudit(transaction, actor, { institutionId: null, entity: 'user', entityId: user.id, action: 'update', changes: { locale: [before, locale] } });
  });
}
