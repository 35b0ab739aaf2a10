import type { QueryInterface } from 'sequelize';
import { addIndexes } from './helpers';

// The supervisor dashboard aggregates reporting moments over up to hundreds of institutions per
// request; both indexes let its two moment queries read an index alone, never the table.
const INDEXES = [
  {
    // Overdue and due soon now: open moments whose reminder day has come. The columns the status
    // expression reads are carried (rendered_on and waived_on are NULL here) so no row is fetched.
    name: 'reporting_moments_open_by_remind_from',
    fields: ['institution_id', 'remind_from', 'due_on', 'rendered_on', 'waived_on'],
    where: 'rendered_on IS NULL AND waived_on IS NULL',
  },
  {
    // The overdue trend: only moments that were ever overdue (not closed by their due date). The
    // condition is EVER_OVERDUE_SQL in app/modules/oversight/rules.ts, which the query repeats.
    name: 'reporting_moments_ever_overdue',
    fields: ['institution_id', 'due_on', 'rendered_on', 'waived_on'],
    where: '(rendered_on IS NULL OR rendered_on > due_on) AND (waived_on IS NULL OR waived_on > due_on)',
  },
];

export async function up(qi: QueryInterface): Promise<void> {
  await addIndexes(qi, 'reporting_moments', INDEXES);
}

export async function down(qi: QueryInterface): Promise<void> {
  for (const index of INDEXES) await qi.sequelize.query(`DROP INDEX IF EXISTS "${index.name}"`);
}
