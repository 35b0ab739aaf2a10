import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { importCodeLibraryFile } from '~/modules/governance/import.server';
import { AuditEvent, CodePrinciple, CodeProvision, GovernanceCode } from '~/utils/db.server';

const shipped = (name: string) => readFile(path.resolve('seeds/governance-codes', name), 'utf8');

async function counts() {
  return {
    codes: await GovernanceCode.count(),
    principles: await CodePrinciple.count(),
    provisions: await CodeProvision.count(),
    audit: await AuditEvent.count({ where: { entity: 'governance-code' } }),
  };
}

describe('importing a code library', () => {
  it('imports a shipped file, and the same file again gives one version and no new writes', async () => {
    const text = await shipped('zorg-2022.json');
    const first = await importCodeLibraryFile(SYSTEM_ACTOR, text);
    expect(first).toMatchObject({ ok: true, result: { created: true, changed: true } });
    const afterFirst = await counts();
    expect(afterFirst.codes).toBe(1);
    expect(afterFirst.audit).toBe(1);

    const second = await importCodeLibraryFile(SYSTEM_ACTOR, text);
    expect(second).toMatchObject({ ok: true, result: { created: false, changed: false } });
    expect(await counts()).toEqual(afterFirst);
  });

  it('updates a changed version in place, keeping the ids of provisions it still lists', async () => {
    const library = JSON.parse(await shipped('mbo-2019.json'));
    await importCodeLibraryFile(SYSTEM_ACTOR, JSON.stringify(library));
    const before = await CodeProvision.findAll({ order: [['number', 'ASC']] });
    library.title.en = 'Branch code of good governance in MBO (revised title)';
    const result = await importCodeLibraryFile(SYSTEM_ACTOR, JSON.stringify(library));
    expect(result).toMatchObject({ ok: true, result: { created: false, changed: true } });
    const after = await CodeProvision.findAll({ order: [['number', 'ASC']] });
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    const code = await GovernanceCode.findOne({ where: { key: library.key } });
    expect(code!.title.en).toContain('revised title');
  });

  it('writes nothing from a bad file and lists every error by path', async () => {
    const before = await counts();
    const library = JSON.parse(await shipped('zorg-2022.json'));
    library.principles[2].regime = 'sometimes';
    library.validFrom = '2022-02-30';
    const outcome = await importCodeLibraryFile(SYSTEM_ACTOR, JSON.stringify(library));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.path).sort()).toEqual(['principles[2].regime', 'validFrom']);
    expect(await counts()).toEqual(before);
  });

  it('refuses text that is not JSON', async () => {
    const outcome = await importCodeLibraryFile(SYSTEM_ACTOR, '{ "key": ');
    expect(outcome).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
  });
});
