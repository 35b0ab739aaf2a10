import { addHours } from 'date-fns';
import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { diffChanges } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import { hashPassword } from '~/modules/auth/password.server';
import type { Role } from '~/modules/auth/policy';
import { INVITE_VALID_HOURS, normaliseEmail } from '~/modules/auth/rules';
import { newToken } from '~/modules/auth/tokens.server';
import { AuthToken, Institution, inTransaction, Membership, User } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import { appLink, sendMail } from '~/utils/mailer.server';
import type { InviteInput } from './schema';

const audit = (transaction: Transaction, actor: Actor, action: string, entityId: number, changes?: Record<string, [unknown, unknown]>, institutionId: number | null = null) =>
  recordAudit(transaction, actor, { institutionId, entity: action.startsWith('membership') ? 'membership' : 'user', entityId, action: action.replace(/^membership-/, ''), changes });

/** A one-time set-password link for the user, valid for INVITE_VALID_HOURS; mailed, and returned for scripts. */
async function issueSetPasswordLink(transaction: Transaction, user: User, invitedBy: string): Promise<string> {
  const { token, hash } = newToken();
  await AuthToken.create({ userId: user.id, purpose: 'set-password', tokenHash: hash, expiresAt: addHours(new Date(), INVITE_VALID_HOURS), usedAt: null }, { transaction });
  const link = appLink(`/set-password/${token}`);
  await sendMail(
    {
      to: user.email,
      kind: 'invite',
      subject: 'Uitnodiging voor Horizon / Invitation to Horizon',
      text: [
        `Beste ${user.name},`, '',
        `${invitedBy} nodigt u uit voor Horizon. Kies uw wachtwoord via deze link (${INVITE_VALID_HOURS} uur geldig, één keer te gebruiken):`,
        link, '', '—', '',
        `Dear ${user.name},`, '',
        `${invitedBy} invites you to Horizon. Choose your password with this link (valid for ${INVITE_VALID_HOURS} hours, usable once):`,
        link,
      ].join('\n'),
    },
    transaction,
  );
  return link;
}

export async function inviteUser(actor: Actor, input: InviteInput): Promise<{ id: number; link: string }> {
  return inTransaction(async (transaction) => {
    const email = normaliseEmail(input.email);
    if (await User.findOne({ where: { email }, transaction })) {
      throw new DomainError('invalid', 'admin:users.emailTaken', { email: 'admin:users.emailTaken' });
    }
    const user = await User.create({ email, name: input.name, isAdmin: input.isAdmin, passwordHash: null, locale: null, deactivatedAt: null, sessionsValidAfter: null, calendarTokenHash: null }, { transaction });
    await audit(transaction, actor, 'invite', user.id, diffChanges(null, { email, name: input.name, isAdmin: input.isAdmin }));
    const link = await issueSetPasswordLink(transaction, user, actor.label);
    return { id: user.id, link };
  });
}

/** A fresh link for someone who lost theirs; earlier unused links stop working. */
export async function reinviteUser(actor: Actor, userId: number): Promise<string> {
  return inTransaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction });
    if (!user || !user.active) throw new DomainError('not-found', 'common:errors.notFound');
    await AuthToken.update({ usedAt: new Date() }, { where: { userId, usedAt: null }, transaction });
    await audit(transaction, actor, 'reinvite', user.id);
    return issueSetPasswordLink(transaction, user, actor.label);
  });
}

/** Creates a user with a known password: the bootstrap administrator and the demo accounts. */
export async function createUserWithPassword(actor: Actor, input: { email: string; name: string; isAdmin: boolean; password: string; locale?: 'nl' | 'en' | null }) {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (transaction) => {
    const email = normaliseEmail(input.email);
    const user = await User.create({ email, name: input.name, isAdmin: input.isAdmin, passwordHash, locale: input.locale ?? null, deactivatedAt: null, sessionsValidAfter: null, calendarTokenHash: null }, { transaction });
    await audit(transaction, actor, 'create', user.id, diffChanges(null, { email, name: input.name, isAdmin: input.isAdmin }));
    return { id: user.id };
  });
}

async function assertNotLastAdmin(transaction: Transaction, user: User) {
  if (!user.isAdmin || !user.active) return;
  const admins = await User.count({ where: { isAdmin: true, active: true }, transaction });
  if (admins <= 1) throw new DomainError('conflict', 'admin:users.lastAdmin');
}

/** Deactivates, never deletes: the account can no longer sign in and its sessions end now. */
export async function deactivateUser(actor: Actor, userId: number): Promise<void> {
  await inTransaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction });
    if (!user) throw new DomainError('not-found', 'common:errors.notFound');
    if (!user.active) return;
    await assertNotLastAdmin(transaction, user);
    const now = new Date();
    await user.update({ active: false, deactivatedAt: now, sessionsValidAfter: now }, { transaction });
    await audit(transaction, actor, 'deactivate', user.id, { active: [true, false] });
  });
}

export async function reactivateUser(actor: Actor, userId: number): Promise<void> {
  await inTransaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction });
    if (!user) throw new DomainError('not-found', 'common:errors.notFound');
    if (user.active) return;
    await user.update({ active: true, deactivatedAt: null }, { transaction });
    await audit(transaction, actor, 'reactivate', user.id, { active: [false, true] });
  });
}

export async function setAdministrator(actor: Actor, userId: number, isAdmin: boolean): Promise<void> {
  await inTransaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction });
    if (!user) throw new DomainError('not-found', 'common:errors.notFound');
    if (user.isAdmin === isAdmin) return;
    if (!isAdmin) await assertNotLastAdmin(transaction, user);
    await user.update({ isAdmin }, { transaction });
    await audit(transaction, actor, 'update', user.id, { isAdmin: [!isAdmin, isAdmin] });
  });
}

export async function grantMembership(actor: Actor, userId: number, input: { institutionId: number; role: Role }): Promise<void> {
  await inTransaction(async (transaction) => {
    const [user, institution] = await Promise.all([
      User.findByPk(userId, { transaction }),
      Institution.findByPk(input.institutionId, { transaction }),
    ]);
    // An id the form did not offer (unknown or inactive institution) is refused at the field.
    if (!user) throw new DomainError('not-found', 'common:errors.notFound');
    if (!institution || !institution.active) {
      throw new DomainError('invalid', 'common:errors.invalidChoice', { institutionId: 'common:errors.invalidChoice' });
    }
    if (await Membership.findOne({ where: { userId, institutionId: input.institutionId }, transaction })) {
      throw new DomainError('invalid', 'admin:users.alreadyMember', { institutionId: 'admin:users.alreadyMember' });
    }
    const membership = await Membership.create({ userId, institutionId: input.institutionId, role: input.role }, { transaction });
    await audit(transaction, actor, 'membership-grant', membership.id, { userId: [null, userId], role: [null, input.role] }, input.institutionId);
  });
}

async function findMembership(transaction: Transaction, userId: number, membershipId: number) {
  const membership = await Membership.findOne({ where: { id: membershipId, userId }, transaction });
  if (!membership) throw new DomainError('not-found', 'common:errors.notFound');
  return membership;
}

export async function changeMembershipRole(actor: Actor, userId: number, membershipId: number, role: Role): Promise<void> {
  await inTransaction(async (transaction) => {
    const membership = await findMembership(transaction, userId, membershipId);
    if (membership.role === role) return;
    const before = membership.role;
    await membership.update({ role }, { transaction });
    await audit(transaction, actor, 'membership-update', membership.id, { role: [before, role] }, membership.institutionId);
  });
}

export async function revokeMembership(actor: Actor, userId: number, membershipId: number): Promise<void> {
  await inTransaction(async (transaction) => {
    const membership = await findMembership(transaction, userId, membershipId);
    await membership.destroy({ transaction });
    await audit(transaction, actor, 'membership-revoke', membership.id, { userId: [userId, null], role: [membership.role, null] }, membership.institutionId);
  });
}
