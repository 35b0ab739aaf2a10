import type { Transaction } from 'sequelize';
import { Membership, Op, OptimisticLockError, selectRows, Stakeholder, User } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import type { Option } from './views';

/**
 * Lookups the agreement, obligation and moment forms share: the institution's members and
 * stakeholders, each found WITH the institution, so an id from another institution never matches.
 */


/** Roles that may be responsible for an obligation or record a rendering: those that can write. */
export const WRITE_ROLES = ['secretary', 'manager'] as const;

/** Active members of the institution, by name; `roles` narrows to those roles. */
export async function listMemberOptions(institutionId: number, roles?: readonly string[]): Promise<Option[]> {
  if (roles?.length === 0) return [];
  // Plain rows: the calendar and the obligation pages ask this on every view.
  const rows = await selectRows<{ id: number; label: string }>(
    `SELECT u.id, u.name AS label FROM memberships ms JOIN users u ON u.id = ms.user_id
      WHERE ms.institution_id = :institutionId AND u.active = :active${roles ? ' AND ms.role IN (:roles)' : ''} ORDER BY u.name, u.id`,
    { institutionId, active: true, roles: roles ? [...roles] : undefined },
  );
  return rows.map((r) => ({ id: Number(r.id), label: r.label }));
}

/** The institution's stakeholders (the register's own table), by name; ended ones last. */
export async function listStakeholderOptions(institutionId: number): Promise<(Option & { status: string })[]> {
  // Plain rows: a large register has well over a thousand, and model instances cost more than the query.
  const rows = await Stakeholder.findAll({
    where: { institutionId },
    attributes: ['id', 'name', 'status'],
    order: [['name', 'ASC'], ['id', 'ASC']],
    raw: true,
  });
  return rows.map((s) => ({ id: s.id, label: s.name, status: s.status }));
}

/** Refuses (at `field`) any id that is not a stakeholder of this institution. */
export async function assertStakeholders(transaction: Transaction, institutionId: number, ids: readonly number[], field = 'stakeholderIds'): Promise<void> {
  if (ids.length === 0) return;
  const found = await Stakeholder.count({ where: { institutionId, id: { [Op.in]: [...ids] } }, transaction });
  if (found !== new Set(ids).size) throw new DomainError('invalid', 'common:errors.invalidChoice', { [field]: 'common:errors.invalidChoice' });
}

/** Refuses (at `field`) a user who is not an active member of this institution in one of `roles`. */
export async function assertMember(
  transaction: Transaction, institutionId: number, userId: number | null | undefined, field: string, roles?: readonly string[],
): Promise<void> {
  if (userId === null || userId === undefined) return;
  const membership = await Membership.findOne({
    where: { institutionId, userId, ...(roles ? { role: { [Op.in]: [...roles] } } : {}) },
    include: [{ model: User, as: 'user', attributes: ['id'], where: { active: true } }],
    transaction,
  });
  if (!membership) throw new DomainError('invalid', 'common:errors.invalidChoice', { [field]: 'common:errors.invalidChoice' });
}

/** The form was loaded at `expected`; someone else saved since → a conflict, never a silent overwrite. */
export function assertVersion(record: { version: number }, expected: number): void {
  if (record.version !== expected) throw new DomainError('conflict', 'common:errors.conflict');
}

/** Saves a versioned record; a save that lost the race to another one (version moved) is a conflict too. */
export async function saveVersioned<T extends { save(options: { transaction: Transaction }): Promise<unknown> }>(record: T, transaction: Transaction): Promise<void> {
  try {
    await record.save({ transaction });
  } catch (error) {
    if (error instanceof OptimisticLockError) throw new DomainError('conflict', 'common:errors.conflict');
    throw error;
  }
}
