import type { QueryInterface } from 'sequelize';
import { addIndexes, refreshSqliteStatistics } from './helpers';

// The stakeholder register (app/modules/stakeholders/queries.server.ts, listStakeholders) sorts by
// any of its columns, then by name, and pages with LIMIT. With (institution, column, name) SQLite
// reads one page of the index in order instead of sorting every stakeholder of the institution;
// a filter on the column reads its rows already by name. The owner filter had only the index on
// owner_user_id, so "without an owner" read the ownerless stakeholders of every institution.
// The page's count and its tier and category charts are one GROUP BY (tier, category), read from
// (institution, tier, category, status) alone, whether or not the list is filtered by tier or status.
// The three indexes on (institution, status | quadrant | mitchell_class) are prefixes of the new
// ones and go, so a write keeps about the same work.
const ADDED = [
  { fields: ['institution_id', 'owner_user_id', 'name'] },
  { fields: ['institution_id', 'power', 'name'] },
  { fields: ['institution_id', 'interest', 'name'] },
  { fields: ['institution_id', 'assessed_on', 'name'] },
  { fields: ['institution_id', 'status', 'name'] },
  { fields: ['institution_id', 'quadrant', 'name'] },
  { fields: ['institution_id', 'mitchell_class', 'name'] },
  { fields: ['institution_id', 'tier', 'category', 'status'] },
];
const REPLACED = [
  { fields: ['institution_id', 'status'] },
  { fields: ['institution_id', 'quadrant'] },
  { fields: ['institution_id', 'mitchell_class'] },
];

const nameOf = (index: { fields: string[] }) => `stakeholders_${index.fields.join('_')}`;

export async function up(qi: QueryInterface): Promise<void> {
  await addIndexes(qi, 'stakeholders', ADDED);
  for (const index of REPLACED) await qi.sequelize.query(`DROP INDEX IF EXISTS "${nameOf(index)}"`);
  await refreshSqliteStatistics(qi, 'stakeholders');
}

export async function down(qi: QueryInterface): Promise<void> {
  await addIndexes(qi, 'stakeholders', REPLACED);
  for (const index of ADDED) await qi.sequelize.query(`DROP INDEX IF EXISTS "${nameOf(index)}"`);
  await refreshSqliteStatistics(qi, 'stakeholders');
}
