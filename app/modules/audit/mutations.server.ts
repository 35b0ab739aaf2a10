import type { Transaction } from 'sequelize';
import { AuditEvent } from '~/utils/db.server';
import type { Actor } from './actor';
import type { Changes } from './changes';

export type AuditInput = {
  institutionId: number | null;
  entity: string;
  entityId: number | string | null;
  action: string;
  changes?: Changes | null;
};

/**
 * Writes one audit event inside the caller's transaction, so a change that rolls back leaves no
 * trace and a change that commits always has one. Every write in Horizon calls this.
 */
export async function recordAudit(transaction: Transaction, actor: Actor, input: AuditInput): Promise<void> {
  await AuditEvent.create(
    {
      occurredAt: new Date(),
      actorUserId: actor.userId,
      actorLabel: actor.label,
      institutionId: input.institutionId,
      entity: input.entity,
      entityId: input.entityId === null ? null : String(input.entityId),
      action: input.action,
      changes: input.changes && Object.keys(input.changes).length > 0 ? input.changes : null,
    },
    { transaction },
  );
}
