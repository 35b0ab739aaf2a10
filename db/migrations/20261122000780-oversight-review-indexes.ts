import type { QueryInterface } from 'sequelize';
import { addIndexes } from './helpers';

// The supervisor dashboard's review list works out the evidence health and the flags of every
// statement in scope at once (app/modules/oversight/queries.server.ts, listToReview).
const INDEXES = [
  {
    // It starts from the links (obligations citing a provision, evidence on a statement) and reads
    // the year's moments of each linked obligation: by obligation and due day, carrying the columns
    // the moment status and the institution check read, so no moment row is fetched.
    table: 'reporting_moments',
    name: 'reporting_moments_evidence_by_obligation',
    fields: ['obligation_id', 'due_on', 'institution_id', 'rendered_on', 'waived_on', 'remind_from'],
  },
  {
    // "Complies" with no evidence linked at all asks, per statement, whether any link exists; the
    // governance migration's indexes on statement_id are partial (one per kind of link) and cannot
    // answer that, so without this every statement scanned the whole table.
    table: 'statement_evidence',
    name: 'statement_evidence_statement_id',
    fields: ['statement_id'],
  },
];

export async function up(qi: QueryInterface): Promise<void> {
  for (const { table, ...index } of INDEXES) await addIndexes(qi, table, [index]);
}

export async function down(qi: QueryInterface): Promise<void> {
  for (const index of INDEXES) await qi.sequelize.query(`DROP INDEX IF EXISTS "${index.name}"`);
}
