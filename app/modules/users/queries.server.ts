import { Institution, Membership, MailMessage, Op, User, type WhereOptions } from '~/utils/db.server';
import { type ListParams, type Page } from '~/utils/list-params';
import { containsText } from '~/utils/text-search.server';
import type { Role } from '~/modules/auth/policy';

export const USER_SORTS = ['name', 'email', 'createdAt'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export type UserRow = { id: number; name: string; email: string; isAdmin: boolean; active: boolean; hasPassword: boolean };

const toRow = (u: User): UserRow => ({
  id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin, active: u.active, hasPassword: Boolean(u.passwordHash),
});

export async function listUsers(params: ListParams<UserSort>): Promise<Page<UserRow>> {
  const where: WhereOptions = params.q ? { [Op.or]: [containsText(User, 'name', params.q), containsText(User, 'email', params.q)] } : {};
  const { rows, count } = await User.findAndCountAll({
    where,
    order: [[params.sort, params.dir.toUpperCase()], ['id', 'ASC']],
    limit: params.perPage,
    offset: params.offset,
  });
  return { rows: rows.map(toRow), total: count };
}

export async function getUserWithMemberships(userId: number) {
  const user = await User.findByPk(userId);
  if (!user) return null;
  const memberships = await Membership.findAll({
    where: { userId },
    include: [{ model: Institution, as: 'institution', attributes: ['id', 'name'] }],
    order: [[{ model: Institution, as: 'institution' }, 'name', 'ASC']],
  });
  return {
    user: toRow(user),
    memberships: memberships.map((m) => {
      const institution = m.get('institution') as Institution;
      return { id: m.id, institutionId: institution.id, institutionName: institution.name, role: m.role as Role };
    }),
  };
}

export const OUTBOX_SORTS = ['createdAt'] as const;

export async function listOutbox(params: ListParams<(typeof OUTBOX_SORTS)[number]>) {
  const where: WhereOptions = params.q ? containsText(MailMessage, 'toAddress', params.q) : {};
  const { rows, count } = await MailMessage.findAndCountAll({
    where,
    order: [['createdAt', params.dir.toUpperCase()], ['id', params.dir.toUpperCase()]],
    limit: params.perPage,
    offset: params.offset,
  });
  return {
    total: count,
    rows: rows.map((m) => ({
      id: m.id, to: m.toAddress, subject: m.subject, text: m.textBody, kind: m.kind, status: m.status,
      createdAt: m.createdAt.toISOString(), error: m.error,
    })),
  };
}

/** One message of the outbox, as it was sent (or would have been, without SMTP). */
export async function getOutboxMessage(id: number) {
  const m = await MailMessage.findByPk(id);
  if (!m) return null;
  return {
    id: m.id, to: m.toAddress, subject: m.subject, text: m.textBody, kind: m.kind, status: m.status,
    createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null, error: m.error,
  };
}

/** The numbers on the administration overview. */
export async function countAdministration() {
  const [institutions, users, outbox] = await Promise.all([Institution.count(), User.count(), MailMessage.count()]);
  return { institutions, users, outbox };
}
