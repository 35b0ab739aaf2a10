import type { Transaction } from 'sequelize';
import { CodeAdoption, CodeProvision, db, GovernanceCode, Op, QueryTypes } from '~/utils/db.server';
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

type LocalText = { nl: string; en: string };
export type CitedProvision = { id: number; number: string; title: LocalText; codeTitle: LocalText };

// A JSON column arrives parsed from PostgreSQL and as text from SQLite.
const jsonOf = (value: unknown): LocalText => (typeof value === 'string' ? JSON.parse(value) : value) as LocalText;

/** The provisions an obligation cites, with their code, in the code's order. */
export async function provisionsOf(obligationIds: number[]): Promise<Map<number, CitedProvision[]>> {
  const map = new Map<number, CitedProvision[]>();
  if (obligationIds.length === 0) return map;
  // Plain rows, not model instances: a feed asks this for a thousand obligations at once.
  const sequelize = await db();
  const rows = await sequelize.query<{ obligation_id: number; id: number; number: string; title: unknown; code_title: unknown }>(
    `SELECT op.obligation_id, p.id, p.number, p.title, c.title AS code_title
      FROM obligation_provisions op JOIN code_provisions p ON p.id = op.provision_id JOIN governance_codes c ON c.id = p.code_id
      WHERE op.obligation_id IN (:obligationIds) ORDER BY p.position, p.id`,
    { replacements: { obligationIds }, type: QueryTypes.SELECT },
  );
  for (const row of rows) {
    const provision = { id: Number(row.id), number: row.number, title: jsonOf(row.title), codeTitle: jsonOf(row.code_title) };
    const list = map.get(Number(row.obligation_id));
    if (list) list.push(provision);
    else map.set(Number(row.obligation_id), [provision]);
  }
  return map;
}
