import type { Transaction } from 'sequelize';
import { SalienceAssessment, type Stakeholder } from '~/utils/db.server';

/** The latest assessment first: the later day, and on the same day the one recorded last. */
export const LATEST_FIRST: [string, string][] = [['assessedOn', 'DESC'], ['id', 'DESC']];

/**
 * Copies the latest assessment's values onto the stakeholder (the register filters and sorts on
 * them), or clears them when there is none. Runs inside the caller's transaction.
 */
export async function refreshLatestSalience(transaction: Transaction, stakeholder: Stakeholder): Promise<void> {
  const latest = await SalienceAssessment.findOne({ where: { stakeholderId: stakeholder.id }, order: LATEST_FIRST, transaction });
  await stakeholder.update(
    {
      power: latest?.power ?? null,
      interest: latest?.interest ?? null,
      quadrant: latest?.quadrant ?? null,
      mitchellClass: latest?.mitchellClass ?? null,
      assessedOn: latest?.assessedOn ?? null,
    },
    { transaction },
  );
}
