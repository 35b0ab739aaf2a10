import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import {
  CodePrinciple, CodeProvision, ComplianceStatement, GovernanceCode, inTransaction, ObligationProvision, Op,
} from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import type { CodeLibrary } from './library-schema';

export type ImportResult = { codeId: number; created: boolean; changed: boolean; principles: number; provisions: number };

/** Applies values to a row and saves only if something differs; reports whether it did. */
async function saveIfChanged(row: { set(values: object): unknown; changed(): false | string[]; save(options: object): Promise<unknown> }, values: object, transaction: Transaction) {
  row.set(values);
  if (!row.changed()) return false;
  await row.save({ transaction });
  return true;
}

/** Numbers that are in use by statements or obligations cannot silently disappear from a library. */
async function assertRemovable(transaction: Transaction, principleIds: number[], provisionIds: number[]) {
  const [statements, links] = await Promise.all([
    ComplianceStatement.count({
      where: { [Op.or]: [{ principleId: principleIds }, { provisionId: provisionIds }] },
      transaction,
    }),
    ObligationProvision.count({ where: { provisionId: provisionIds }, transaction }),
  ]);
  if (statements + links > 0) throw new DomainError('conflict', 'governance:import.removesUsedProvisions');
}

/**
 * Imports a validated library file: a new key+version is created, an existing one updated in place
 * (principles and provisions matched by number, so statements and links keep pointing at them).
 * One transaction: a failure leaves the library as it was.
 */
export async function importCodeLibrary(actor: Actor, library: CodeLibrary): Promise<ImportResult> {
  return inTransaction(async (transaction) => {
    const fields = {
      title: library.title,
      issuer: library.issuer,
      sectors: [...library.sectors],
      validFrom: library.validFrom,
      validUntil: library.validUntil,
      sourceUrl: library.sourceUrl,
      coverage: library.coverage,
    };
    let code = await GovernanceCode.findOne({ where: { key: library.key, version: library.version }, transaction });
    const created = !code;
    let changed = created;
    if (code) changed = (await saveIfChanged(code, fields, transaction)) || changed;
    else code = await GovernanceCode.create({ key: library.key, version: library.version, ...fields }, { transaction });

    const existingPrinciples = new Map(
      (await CodePrinciple.findAll({ where: { codeId: code.id }, transaction })).map((p) => [p.number, p]),
    );
    const existingProvisions = new Map(
      (await CodeProvision.findAll({ where: { codeId: code.id }, transaction })).map((p) => [p.number, p]),
    );
    const keptPrinciples = new Set<string>();
    const keptProvisions = new Set<string>();
    let provisionPosition = 0;

    for (const [index, principle] of library.principles.entries()) {
      keptPrinciples.add(principle.number);
      const values = { title: principle.title, summary: principle.summary ?? null, regime: principle.regime ?? null, position: index };
      let row = existingPrinciples.get(principle.number);
      if (row) changed = (await saveIfChanged(row, values, transaction)) || changed;
      else {
        row = await CodePrinciple.create({ codeId: code.id, number: principle.number, ...values }, { transaction });
        changed = true;
      }

      for (const provision of principle.provisions) {
        keptProvisions.add(provision.number);
        const provisionValues = {
          principleId: row.id,
          title: provision.title,
          summary: provision.summary ?? null,
          regime: provision.regime,
          addressee: provision.addressee ?? null,
          tags: [...provision.tags],
          position: provisionPosition++,
        };
        const existing = existingProvisions.get(provision.number);
        if (existing) changed = (await saveIfChanged(existing, provisionValues, transaction)) || changed;
        else {
          await CodeProvision.create({ codeId: code.id, number: provision.number, ...provisionValues }, { transaction });
          changed = true;
        }
      }
    }

    const goneProvisions = [...existingProvisions.values()].filter((p) => !keptProvisions.has(p.number));
    const gonePrinciples = [...existingPrinciples.values()].filter((p) => !keptPrinciples.has(p.number));
    if (goneProvisions.length + gonePrinciples.length > 0) {
      await assertRemovable(transaction, gonePrinciples.map((p) => p.id), goneProvisions.map((p) => p.id));
      await CodeProvision.destroy({ where: { id: goneProvisions.map((p) => p.id) }, transaction });
      await CodePrinciple.destroy({ where: { id: gonePrinciples.map((p) => p.id) }, transaction });
      changed = true;
    }

    const principles = library.principles.length;
    const provisions = keptProvisions.size;
    // Importing the same file again writes nothing, not even an audit event.
    if (!changed) return { codeId: code.id, created, changed, principles, provisions };
    await recordAudit(transaction, actor, {
      institutionId: null,
      entity: 'governance-code',
      entityId: code.id,
      action: created ? 'import' : 'reimport',
      changes: {
        key: [null, `${library.key}@${library.version}`],
        principles: [created ? null : existingPrinciples.size, principles],
        provisions: [created ? null : existingProvisions.size, provisions],
        coverage: [null, library.coverage],
      },
    });
    return { codeId: code.id, created, changed, principles, provisions };
  });
}
