import { subMinutes } from 'date-fns';
import { AuthToken, db, inTransaction, Op, SignInFailure, User, type Transaction } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import { userActor, type Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import { decoyHash, hashPassword, verifyPassword } from './password.server';
import type { SessionUser } from './queries.server';
import { isThrottled, normaliseEmail, THROTTLE_WINDOW_MINUTES } from './rules';
import { hashToken } from './tokens.server';

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Failures within the window, per scope. `clientAddress` is null for an attempt made inside a
 * session (the current password on /account): that counts against its account only, since the
 * address scope is there to catch one address trying many accounts.
 */
async function recentFailures(email: string, clientAddress: string | null) {
  const since = subMinutes(new Date(), THROTTLE_WINDOW_MINUTES);
  const [account, address] = await Promise.all([
    SignInFailure.count({ where: { scope: 'account', subject: email, failedAt: { [Op.gte]: since } } }),
    clientAddress === null ? 0 : SignInFailure.count({ where: { scope: 'address', subject: clientAddress, failedAt: { [Op.gte]: since } } }),
  ]);
  return { account, address };
}

async function recordFailure(email: string, clientAddress: string | null) {
  const failedAt = new Date();
  const subjects = clientAddress === null ? [email] : [email, clientAddress];
  await inTransaction(async (transaction) => {
    await SignInFailure.bulkCreate(
      [
        { scope: 'account', subject: email, failedAt },
        ...(clientAddress === null ? [] : [{ scope: 'address', subject: clientAddress, failedAt }]),
      ],
      { transaction },
    );
    // Old failures only slow the count down; a day is far beyond the window.
    await SignInFailure.destroy({
      where: { subject: { [Op.in]: subjects }, failedAt: { [Op.lt]: subMinutes(failedAt, 24 * 60) } },
      transaction,
    });
  });
}

/** The right password proves the account's owner is at the keyboard: their failures no longer count. */
const clearAccountFailures = (email: string, transaction: Transaction) =>
  SignInFailure.destroy({ where: { scope: 'account', subject: email }, transaction });

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
    await clearAccountFailures(email, transaction);
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

/**
 * Changes one's own password; the old one is required, and other sessions end. A wrong current
 * password is a failed sign-in of the account (the same count, window and limit as /login), so a
 * session left open cannot be used to guess it; once throttled, nothing is checked or written.
 * Like sign-in failures, refusals are not audited.
 */
export async function changePassword(actor: Actor, input: { currentPassword: string; password: string }): Promise<void> {
  if (actor.userId === null) throw new DomainError('forbidden', 'common:errors.forbidden');
  const user = await User.findByPk(actor.userId);
  if (!user) throw new DomainError('forbidden', 'common:errors.forbidden');
  const email = normaliseEmail(user.email);
  if (isThrottled(await recentFailures(email, null))) {
    throw new DomainError('throttled', 'auth:signIn.throttled', { currentPassword: 'auth:signIn.throttled' });
  }
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordFailure(email, null);
    throw new DomainError('invalid', 'auth:errors.currentPasswordWrong', { currentPassword: 'auth:errors.currentPasswordWrong' });
  }
  const passwordHash = await hashPassword(input.password);
  await inTransaction(async (transaction) => {
    await user.update({ passwordHash, sessionsValidAfter: new Date() }, { transaction });
    await clearAccountFailures(email, transaction);
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
