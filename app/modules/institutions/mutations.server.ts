import type { Actor } from '~/modules/audit/actor';
import { diffChanges } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import { Institution, inTransaction, UniqueConstraintError } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import type { InstitutionInput } from './schema';

const fields = (input: InstitutionInput) => ({
  name: input.name,
  sector: input.sector,
  kvkNumber: input.kvkNumber ?? null,
  city: input.city ?? null,
  website: input.website ?? null,
});

const kvkTaken = () => new DomainError('invalid', 'admin:institutions.kvkTaken', { kvkNumber: 'admin:institutions.kvkTaken' });

export async function createInstitution(actor: Actor, input: InstitutionInput): Promise<{ id: number }> {
  try {
    return await inTransaction(async (transaction) => {
      const institution = await Institution.create(fields(input), { transaction });
      await recordAudit(transaction, actor, {
        institutionId: institution.id, entity: 'institution', entityId: institution.id, action: 'create',
        changes: diffChanges(null, fields(input)),
      });
      return { id: institution.id };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw kvkTaken();
    throw error;
  }
}

export async function updateInstitution(
  actor: Actor,
  id: number,
  input: InstitutionInput & { version: number; active: boolean },
): Promise<void> {
  try {
    await inTransaction(async (transaction) => {
      const institution = await Institution.findByPk(id, { transaction });
      if (!institution) throw new DomainError('not-found', 'common:errors.notFound');
      if (institution.version !== input.version) throw new DomainError('conflict', 'common:errors.conflict');
      const before = { ...fields({ ...institution.get(), kvkNumber: institution.kvkNumber ?? undefined, city: institution.city ?? undefined, website: institution.website ?? undefined } as InstitutionInput), active: institution.active };
      const after = { ...fields(input), active: input.active };
      await institution.update(after, { transaction });
      await recordAudit(transaction, actor, {
        institutionId: id, entity: 'institution', entityId: id, action: 'update', changes: diffChanges(before, after),
      });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw kvkTaken();
    throw error;
  }
}
