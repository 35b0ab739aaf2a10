import type { QueryInterface } from 'sequelize';
import { addIndexes } from './helpers';

// Indexes for the register's Mitchell-class filter, the directory lists sorted by name, and the
// duplicate check on an organisation's email.
const INDEXES = [
  { table: 'stakeholders', fields: ['institution_id', 'mitchell_class'] },
  { table: 'organisations', fields: ['institution_id', 'name'] },
  { table: 'organisations', fields: ['institution_id', 'email'] },
  { table: 'households', fields: ['institution_id', 'name'] },
];

const indexName = (index: { table: string; fields: string[] }) => `${index.table}_${index.fields.join('_')}`;

export async function up(qi: QueryInterface): Promise<void> {
  for (const index of INDEXES) await addIndexes(qi, index.table, [{ fields: index.fields }]);
}

export async function down(qi: QueryInterface): Promise<void> {
  for (const index of INDEXES) await qi.sequelize.query(`DROP INDEX IF EXISTS "${indexName(index)}"`);
}
