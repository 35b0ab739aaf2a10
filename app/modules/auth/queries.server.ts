import { db, Institution, Membership, User } from '~/utils/db.server';
import type { Role } from './policy';

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: string | null;
};

export type MembershipSummary = { institutionId: number; institutionName: string; sector: string; role: Role };

/** The signed-in user, if the account is active and the session was issued after the last revocation. */
export async function getSessionUser(userId: number, issuedAt: number): Promise<SessionUser | null> {
  // Every guarded request starts here: bind the models to the open pool first (the first request of
  // a process, or the first after closeDb(), would otherwise reach an unbound or closed one).
  await db();
  const user = await User.findByPk(userId);
  if (!user || !user.active) return null;
  if (user.sessionsValidAfter && issuedAt < user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, locale: user.locale };
}

export async function listMemberships(userId: number): Promise<MembershipSummary[]> {
  const rows = await Membership.findAll({
    where: { userId },
    include: [{ model: Institution, as: 'institution', attributes: ['id', 'name', 'sector'], where: { active: true } }],
    order: [[{ model: Institution, as: 'institution' }, 'name', 'ASC']],
  });
  return rows.map((row) => {
    const institution = row.get('institution') as Institution;
    return { institutionId: institution.id, institutionName: institution.name, sector: institution.sector, role: row.role as Role };
  });
}

export async function getMembershipRole(userId: number, institutionId: number): Promise<Role | null> {
  const membership = await Membership.findOne({ where: { userId, institutionId }, attributes: ['role'] });
  return (membership?.role as Role | undefined) ?? null;
}

export async function getInstitutionSummary(institutionId: number) {
  const institution = await Institution.findByPk(institutionId, { attributes: ['id', 'name', 'sector', 'active'] });
  if (!institution) return null;
  return { id: institution.id, name: institution.name, sector: institution.sector, active: institution.active };
}
