import { boolFromSql, db, Institution, instantFromSql, Membership, QueryTypes, selectRows } from '~/utils/db.server';
import { likePattern, type Page } from '~/utils/list-params';
import type { Role } from './policy';

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: string | null;
};

export type MembershipSummary = { institutionId: number; institutionName: string; sector: string; role: Role };

/**
 * The signed-in user, if the account is active and the session was issued after the last revocation.
 * Every guarded request asks, so a plain statement rather than a model call.
 */
export async function getSessionUser(userId: number, issuedAt: number): Promise<SessionUser | null> {
  const [user] = await selectRows<{
    id: number; email: string; name: string; is_admin: unknown; locale: string | null; active: unknown; sessions_valid_after: string | Date | null;
  }>('SELECT id, email, name, is_admin, locale, active, sessions_valid_after FROM users WHERE id = :userId', { userId });
  if (!user || !boolFromSql(user.active)) return null;
  if (user.sessions_valid_after !== null && issuedAt < instantFromSql(user.sessions_valid_after).getTime()) return null;
  return { id: Number(user.id), email: user.email, name: user.name, isAdmin: boolFromSql(user.is_admin), locale: user.locale };
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

type MembershipRow = { id: number; name: string; sector: string; role: Role };
const summaryOf = (r: MembershipRow): MembershipSummary => ({ institutionId: Number(r.id), institutionName: r.name, sector: r.sector, role: r.role });

// A user's memberships of active institutions, by the index on (user_id, institution_id).
const MEMBERSHIPS = 'FROM memberships ms JOIN institutions i ON i.id = ms.institution_id WHERE ms.user_id = :userId AND i.active = :yes';

/**
 * One page of a user's memberships, by institution name, narrowed to names containing `q` (its %
 * and _ taken literally), and how many match. The sidebar and the chooser read a few, however many
 * a user has: a supervisor may have hundreds.
 */
export async function listMembershipsPage(
  userId: number, { q, limit, offset }: { q?: string; limit: number; offset: number },
): Promise<Page<MembershipSummary>> {
  const sequelize = await db();
  const from = q ? `${MEMBERSHIPS} AND LOWER(i.name) LIKE :pattern ESCAPE '\\'` : MEMBERSHIPS;
  const replacements = { userId, yes: true, ...(q ? { pattern: likePattern(q.toLowerCase()) } : {}) };
  const [rows, [count]] = await Promise.all([
    sequelize.query<MembershipRow>(`SELECT i.id, i.name, i.sector, ms.role ${from} ORDER BY i.name ASC, i.id ASC LIMIT :limit OFFSET :offset`, {
      replacements: { ...replacements, limit, offset }, type: QueryTypes.SELECT,
    }),
    sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n ${from}`, { replacements, type: QueryTypes.SELECT }),
  ]);
  return { rows: rows.map(summaryOf), total: Number(count?.n ?? 0) };
}

/** How many active institutions a user has a membership of. */
export async function countMemberships(userId: number): Promise<number> {
  const sequelize = await db();
  const [row] = await sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n ${MEMBERSHIPS}`, {
    replacements: { userId, yes: true }, type: QueryTypes.SELECT,
  });
  return Number(row?.n ?? 0);
}

/** The user's membership of one active institution, or null when they have none. */
export async function getMembership(userId: number, institutionId: number): Promise<MembershipSummary | null> {
  const sequelize = await db();
  const [row] = await sequelize.query<MembershipRow>(`SELECT i.id, i.name, i.sector, ms.role ${MEMBERSHIPS} AND i.id = :institutionId`, {
    replacements: { userId, yes: true, institutionId }, type: QueryTypes.SELECT,
  });
  return row ? summaryOf(row) : null;
}

/**
 * An institution and the user's role in it (null without a membership), in one statement: every
 * page under /i/$institutionId asks. Null when there is no such institution.
 */
export async function getInstitutionAccess(userId: number, institutionId: number) {
  const [row] = await selectRows<{ id: number; name: string; sector: string; active: unknown; role: Role | null }>(
    `SELECT i.id, i.name, i.sector, i.active, ms.role FROM institutions i
     LEFT JOIN memberships ms ON ms.institution_id = i.id AND ms.user_id = :userId WHERE i.id = :institutionId`,
    { userId, institutionId },
  );
  if (!row) return null;
  return { institution: { id: Number(row.id), name: row.name, sector: row.sector, active: boolFromSql(row.active) }, role: row.role };
}
