import { Institution, Membership, User, type WhereOptions } from '~/utils/db.server';
import { type ListParams, type Page } from '~/utils/list-params';
import { containsText } from '~/utils/text-search.server';

export const INSTITUTION_SORTS = ['name', 'sector', 'createdAt'] as const;
export type InstitutionSort = (typeof INSTITUTION_SORTS)[number];

export type InstitutionRow = {
  id: number; name: string; sector: string; kvkNumber: string | null; city: string | null;
  website: string | null; active: boolean; version: number; memberCount: number;
};

const toRow = (i: Institution, memberCount = 0): InstitutionRow => ({
  id: i.id, name: i.name, sector: i.sector, kvkNumber: i.kvkNumber, city: i.city, website: i.website,
  active: i.active, version: i.version, memberCount,
});

export async function listInstitutions(params: ListParams<InstitutionSort>): Promise<Page<InstitutionRow>> {
  const where: WhereOptions = params.q ? containsText(Institution, 'name', params.q) : {};
  const { rows, count } = await Institution.findAndCountAll({
    where,
    order: [[params.sort, params.dir.toUpperCase()], ['id', 'ASC']],
    limit: params.perPage,
    offset: params.offset,
  });
  const counts = await Membership.count({ where: { institutionId: rows.map((r) => r.id) }, group: ['institutionId'] });
  const byId = new Map(counts.map((c) => [Number((c as unknown as { institutionId: number }).institutionId), Number(c.count)]));
  return { rows: rows.map((r) => toRow(r, byId.get(r.id) ?? 0)), total: count };
}

export async function getInstitution(id: number): Promise<InstitutionRow | null> {
  const row = await Institution.findByPk(id);
  return row ? toRow(row) : null;
}

/** For pickers: every active institution, by name. */
export async function listInstitutionOptions(): Promise<{ id: number; name: string }[]> {
  const rows = await Institution.findAll({ where: { active: true }, attributes: ['id', 'name'], order: [['name', 'ASC']] });
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/** Who has a membership of the institution, with their role: for the administrators' institution page. */
export async function listInstitutionMembers(institutionId: number) {
  const rows = await Membership.findAll({
    where: { institutionId },
    include: [{ model: User, as: 'user', attributes: ['id', 'name', 'email', 'active'] }],
    order: [[{ model: User, as: 'user' }, 'name', 'ASC']],
  });
  return rows.map((m) => {
    const user = m.get('user') as User;
    return { membershipId: m.id, userId: user.id, name: user.name, email: user.email, active: user.active, role: m.role };
  });
}
