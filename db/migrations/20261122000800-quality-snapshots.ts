import type { QueryInterface } from 'sequelize';
import { addIndexes, createTable, day, dropTables, id, instant, institutionFk, int, text } from './helpers';

/**
 * The data-quality report's completeness, one row per institution and month: the score is derived
 * from the register on any day, but last year's register is gone, so the trend keeps what the
 * derivation gave when the month was taken (app/modules/quality).
 */
export async function up(qi: QueryInterface): Promise<void> {
  await createTable(qi, 'quality_snapshots', {
    id: id(),
    institution_id: institutionFk(),
    // `YYYY-MM`: the month the snapshot stands for.
    month: { ...text(false, 7), check: (col) => `length(${col}) = 7` },
    taken_on: day(false),
    persons_total: int(false, (col) => `${col} >= 0`),
    persons_complete: int(false, (col) => `${col} >= 0`),
    created_at: instant(false),
  });
  // One per institution and month: a second run of the snapshot script finds it and writes nothing.
  await addIndexes(qi, 'quality_snapshots', [{ fields: ['institution_id', 'month'], unique: true }]);
}

export async function down(qi: QueryInterface): Promise<void> {
  await dropTables(qi, ['quality_snapshots']);
}
