import type { Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import { inTransaction, QualitySnapshot, UniqueConstraintError } from '~/utils/db.server';
import { today } from '~/utils/dates';
import { countQuality } from './queries.server';

/**
 * This month's completeness snapshot of an institution, taken once: a second call in the same
 * month (the script run twice, a report viewed again, two views at once) finds it and writes
 * nothing. The counts are the report's own, derived today.
 */
export async function takeQualitySnapshot(actor: Actor, institutionId: number): Promise<{ created: boolean }> {
  const day = today();
  const month = day.slice(0, 7);
  const where = { institutionId, month };
  if (await QualitySnapshot.count({ where })) return { created: false };
  const counts = await countQuality(institutionId, { months: 12 });
  try {
    return await inTransaction(async (transaction) => {
      if (await QualitySnapshot.count({ where, transaction })) return { created: false };
      const snapshot = await QualitySnapshot.create(
        { institutionId, month, takenOn: day, personsTotal: counts.personsTotal, personsComplete: counts.personsComplete },
        { transaction },
      );
      await recordAudit(transaction, actor, {
        institutionId, entity: 'quality-snapshot', entityId: snapshot.id, action: 'create',
        changes: { month: [null, month], personsTotal: [null, counts.personsTotal], personsComplete: [null, counts.personsComplete] },
      });
      return { created: true };
    });
  } catch (error) {
    // Another request took it between the check and the insert: the unique index kept it to one.
    if (error instanceof UniqueConstraintError) return { created: false };
    throw error;
  }
}
