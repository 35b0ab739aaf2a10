import { describe, expect, it } from 'vitest';
import { recordAudit } from '~/modules/audit/mutations.server';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { diffChanges } from '~/modules/audit/changes';
import { AuditEvent, Institution, inTransaction } from '~/utils/db.server';

describe('the audit helper', () => {
  it('writes the event with the change inside the caller’s transaction', async () => {
    const institution = await inTransaction(async (transaction) => {
      const created = await Institution.create({ name: 'Vecht College', sector: 'vocational-education', kvkNumber: null, city: null, website: null }, { transaction });
      await recordAudit(transaction, SYSTEM_ACTOR, {
        institutionId: created.id,
        entity: 'institution',
        entityId: created.id,
        action: 'create',
        changes: diffChanges(null, { name: created.name }),
      });
      return created;
    });
    const events = await AuditEvent.findAll({ where: { entity: 'institution', entityId: String(institution.id) } }).then((rows) => rows.map((row) => row.get({ plain: true })));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: 'system', actorUserId: null, action: 'create', institutionId: institution.id });
    expect(events[0]!.changes).toEqual({ name: [null, 'Vecht College'] });
  });

  it('leaves no event behind when the change rolls back', async () => {
    const before = await AuditEvent.count();
    await expect(
      inTransaction(async (transaction) => {
        const created = await Institution.create({ name: 'Ghost', sector: 'housing', kvkNumber: null, city: null, website: null }, { transaction });
        await recordAudit(transaction, SYSTEM_ACTOR, { institutionId: created.id, entity: 'institution', entityId: created.id, action: 'create' });
        throw new Error('the change fails after its audit event was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await AuditEvent.count()).toBe(before);
    expect(await Institution.count({ where: { name: 'Ghost' } })).toBe(0);
  });
});

describe('diffChanges', () => {
  it('records only fields that changed, before and after', () => {
    expect(diffChanges({ name: 'A', city: 'Utrecht', version: 1 }, { name: 'B', city: 'Utrecht', version: 2 })).toEqual({ name: ['A', 'B'] });
  });
});
