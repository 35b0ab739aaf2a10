import type { QueryInterface } from 'sequelize';
import { addIndexes } from './helpers';

// The audit page filters one institution's trail by record type or by who acted, newest first;
// the system-wide view (administrators) pages the whole trail by time. The platform migration's
// (institution_id, occurred_at) and (actor_user_id, occurred_at) serve the unfiltered and the
// cross-institution actor views and stay.
const INDEXES = [
  { fields: ['institution_id', 'entity', 'occurred_at'] },
  { fields: ['institution_id', 'actor_user_id', 'occurred_at'] },
  { fields: ['occurred_at'] },
];

const indexName = (fields: string[]) => `audit_events_${fields.join('_')}`;

export async function up(qi: QueryInterface): Promise<void> {
  await addIndexes(qi, 'audit_events', INDEXES);
}

export async function down(qi: QueryInterface): Promise<void> {
  for (const index of INDEXES) await qi.sequelize.query(`DROP INDEX IF EXISTS "${indexName(index.fields)}"`);
}
