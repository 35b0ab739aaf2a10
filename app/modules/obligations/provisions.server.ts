import type { Transaction } from 'sequelize';
import { CodeAdoption, CodeProvision, GovernanceCode, ObligationProvision, Op } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import type { ProvisionGroup } from './views';

/** The codes whose provisions an obligation may cite: those the institution adopted, else every shipped one. */
async function codeIdsFor(institutionId: number, transaction?: Transaction): Promise<number[] | 'all'> {
  const adoptions = await CodeAdoption.findAll({ where: { institutionId }, attributes: ['codeId'], transaction });
  return adoptions.length > 0 ? adoptions.map((a) => a.codeId) : 'all';
}

/** The provisions to pick from, grouped by code, in the code's order. */
export async function listProvisionOptions(institutionId: number): Promise<ProvisionGroup[]> {
  const codeIds = await codeIdsFor(institutionId);
  const codes = await GovernanceCode.findAll({
    where: codeIds === 'all' ? {} : { id: { [Op.in]: codeIds } },
    attributes: ['id', 'title', 'version', 'key'],
    order: [['key', 'ASC'], ['version', 'ASC']],
  });
  if (codes.length === 0) return [];
  const provisions = await CodeProvision.findAll({
    where: { codeId: { [Op.in]: codes.map((c) => c.id) } },
    attributes: ['id', 'codeId', 'number', 'title', 'position'],
    order: [['position', 'ASC'], ['id', 'ASC']],
  });
  return codes.map((code) => ({
    codeId: code.id,
    codeTitle: code.title,
    codeVersion: code.version,
    provisions: provisions.filter((p) => p.codeId === code.id).map((p) => ({ id: p.id, number: p.number, title: p.title })),
  }));
}

/** Refuses a provision outside the institution's codes (or an unknown id). */
export async function assertProvisions(transaction: Transaction, institutionId: number, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const codeIds = await codeIdsFor(institutionId, transaction);
  const found = await CodeProvision.count({
    where: { id: { [Op.in]: [...ids] }, ...(codeIds === 'all' ? {} : { codeId: { [Op.in]: codeIds } }) },
    transaction,
  });
  if (found !== new Set(ids).size) throw new DomainError('invalid', 'common:errors.invalidChoice', { provisionIds: 'common:errors.invalidChoice' });
}

/** The provisions an obligation cites, with their code, in number order. */
export async function provisionsOf(obligationIds: number[]): Promise<Map<number, { id: number; number: string; title: { nl: string; en: string }; codeTitle: { nl: string; en: string } }[]>> {
  const map = new Map<number, { id: number; number: string; title: { nl: string; en: string }; codeTitle: { nl: string; en: string } }[]>();
  if (obligationIds.length === 0) return map;
  const links = await ObligationProvision.findAll({
    where: { obligationId: { [Op.in]: obligationIds } },
    include: [{
      model: CodeProvision, as: 'provision', attributes: ['id', 'number', 'title', 'position'],
      include: [{ model: GovernanceCode, as: 'code', attributes: ['id', 'title'] }],
    }],
    order: [[{ model: CodeProvision, as: 'provision' }, 'position', 'ASC']],
  });
  for (const link of links) {
    const provision = link.get('provision') as CodeProvision;
    const code = provision.get('code') as GovernanceCode;
    map.set(link.obligationId, [...(map.get(link.obligationId) ?? []), { id: provision.id, number: provision.number, title: provision.title, codeTitle: code.title }]);
  }
  return map;
}
