import type { QueryInterface } from 'sequelize';
import { addIndexes } from './helpers';

// The supervisor dashboard's overdue trend (app/modules/oversight/queries.server.ts,
// getOverdueTrend) reads, besides the moments due inside its window, those due before it and
// closed late inside it. By due day that meant reading every late moment of the whole history
// (60 ms over 200 institutions); by the day they were closed it is a range of the window. Each
// condition is repeated by the query, so SQLite and PostgreSQL both read these partial indexes.
const INDEXES = [
  {
    name: 'reporting_moments_rendered_late',
    fields: ['institution_id', 'rendered_on', 'due_on'],
    where: 'rendered_on > due_on',
  },
  {
    name: 'reporting_moments_waived_late',
    fields: ['institution_id', 'waived_on', 'due_on'],
    where: 'waived_on > due_on',
  },
];

export async function up(qi: QueryInterface): Promise<void> {
  await addIndexes(qi, 'reporting_moments', INDEXES);
}

export async function down(qi: QueryInterface): Promise<void> {
  for (const index of INDEXES) await qi.sequelize.query(`DROP INDEX IF EXISTS "${index.name}"`);
}
