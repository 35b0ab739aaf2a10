import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import {
  createOrganisationIn, createPersonIn, createPositionIn, updateOrganisationIn, updatePersonIn,
} from '~/modules/parties/mutations.server';
import type { OrganisationInput } from '~/modules/parties/schema';
import { foldText } from '~/modules/parties/rules';
import { inTransaction, Organisation, Person, Position, UniqueConstraintError } from '~/utils/db.server';
import { today } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import type { Analysis } from './preview.server';
import type { ColumnKey } from './columns';
import { fillsFor, planImport, type ImportRow, type LegalBasis, type PartyKindInFile, type PartyRef, type PlannedRow } from './rules';

/** What an import wrote and left out, as its audit event keeps it (row numbers and ids, no personal data). */
export type ImportSummary = {
  format: string;
  records: number;
  persons: number[];
  organisations: number[];
  positions: number[];
  linkedPersons: number[];
  linkedOrganisations: number[];
  /** Positions the register already had (same person, organisation and title, not ended). */
  positionsKnown: number[];
  /** Existing records completed from a row (matched on email or KvK number): which columns filled their empty fields. */
  filled: { kind: PartyKindInFile; id: number; columns: ColumnKey[] }[];
  skipped: { row: number; errors: { field: string; message: string }[] }[];
};

const changed = () => new DomainError('conflict', 'imports:errors.changed');

/** The register records the plan links to must still be there, active, in this institution. */
async function checkLinked(transaction: Transaction, institutionId: number, plan: PlannedRow[]) {
  const ids = (kind: 'person' | 'organisation') =>
    [...new Set(plan.flatMap((p) => (p[kind]?.kind === 'existing' ? [p[kind].id] : [])))];
  const personIds = ids('person');
  const organisationIds = ids('organisation');
  const live = { institutionId, active: true, mergedIntoId: null };
  const [persons, organisations] = await Promise.all([
    personIds.length ? Person.count({ where: { ...live, id: personIds, erasedAt: null }, transaction }) : 0,
    organisationIds.length ? Organisation.count({ where: { ...live, id: organisationIds }, transaction }) : 0,
  ]);
  if (persons !== personIds.length || organisations !== organisationIds.length) throw changed();
}

const sameTitle = (a: string, b: string) => foldText(a) === foldText(b);

const orUndefined = <T>(value: T | null) => value ?? undefined;

/**
 * Fills the empty fields of an existing record from the row, through the register's own update
 * (validated, versioned, audited) in the import's transaction. Stored values are never replaced.
 */
async function completeExisting(
  transaction: Transaction, actor: Actor, institutionId: number, kind: PartyKindInFile, id: number, row: ImportRow,
): Promise<ColumnKey[]> {
  if (kind === 'person') {
    const p = (await Person.findOne({ where: { id, institutionId }, transaction }))!;
    const { values, columns } = fillsFor('person', p.get({ plain: true }), row);
    if (columns.length === 0) return [];
    await updatePersonIn(transaction, actor, {
      institutionId, personId: id, version: p.version, verified: false,
      givenName: orUndefined(p.givenName), tussenvoegsel: orUndefined(p.tussenvoegsel), familyName: p.familyName, initials: orUndefined(p.initials),
      email: orUndefined(p.email), phone: orUndefined(p.phone), street: orUndefined(p.street), houseNumber: orUndefined(p.houseNumber),
      postcode: orUndefined(p.postcode), city: orUndefined(p.city), source: orUndefined(p.source), legalBasis: orUndefined(p.legalBasis as LegalBasis | null),
      ...values,
    });
    return columns;
  }
  const o = (await Organisation.findOne({ where: { id, institutionId }, transaction }))!;
  const { values, columns } = fillsFor('organisation', o.get({ plain: true }), row);
  if (columns.length === 0) return [];
  await updateOrganisationIn(transaction, actor, {
    institutionId, organisationId: id, version: o.version, verified: false,
    name: o.name, kind: o.kind as OrganisationInput['kind'], kvkNumber: orUndefined(o.kvkNumber), street: orUndefined(o.street), houseNumber: orUndefined(o.houseNumber),
    postcode: orUndefined(o.postcode), city: orUndefined(o.city), website: orUndefined(o.website), email: orUndefined(o.email),
    phone: orUndefined(o.phone), notes: orUndefined(o.notes), source: orUndefined(o.source),
    ...values,
  });
  return columns;
}

/**
 * Step 2: writes the rows as chosen, all in one transaction with an audit event per record created
 * and one for the import itself — or, on any refusal or failure, nothing at all. The analysis is the
 * one just made from the same file; `fingerprint` is the one step 1 showed, so choices made against
 * a register that has since changed are asked again rather than applied.
 */
export async function commitImport(
  actor: Actor,
  input: { institutionId: number; analysis: Analysis; choices: Record<string, unknown>; fingerprint: string },
): Promise<{ importId: string; summary: ImportSummary }> {
  const { institutionId, analysis } = input;
  if (input.fingerprint !== analysis.preview.fingerprint) throw changed();
  const rowsByNumber = new Map(analysis.rows.map((row, index) => [row.row, { row, index }]));
  const { plan, errors } = planImport(analysis.preview.rows, input.choices, (n) => Boolean(rowsByNumber.get(n)?.row.position));
  if (Object.keys(errors).length) throw new DomainError('invalid', 'imports:errors.choices', errors);

  const summary: ImportSummary = {
    format: analysis.preview.format, records: analysis.rows.length, persons: [], organisations: [], positions: [],
    linkedPersons: [], linkedOrganisations: [], positionsKnown: [], filled: [],
    skipped: analysis.rows.filter((r) => r.errors.length).map((r) => ({ row: r.row, errors: r.errors })),
  };
  for (const p of plan) if (p.skipped && !summary.skipped.some((s) => s.row === p.row)) summary.skipped.push({ row: p.row, errors: [] });
  summary.skipped.sort((a, b) => a.row - b.row);

  const importId = randomUUID();
  try {
    await inTransaction(async (transaction) => {
      await checkLinked(transaction, institutionId, plan);
      const created = { person: new Map<number, number>(), organisation: new Map<number, number>() };
      const positionsWritten = new Set<string>();

      const idOf = async (kind: 'person' | 'organisation', ref: PartyRef, row: number): Promise<number | null> => {
        if (!ref) return null;
        if (ref.kind === 'existing') {
          const linked = kind === 'person' ? summary.linkedPersons : summary.linkedOrganisations;
          if (!linked.includes(ref.id)) linked.push(ref.id);
          return ref.id;
        }
        if (ref.row !== row) return created[kind].get(ref.row)!;
        const { row: importRow, index } = rowsByNumber.get(row)!;
        const overridden = analysis.matches[index]![kind].filter((m) => m.active);
        const { id } = kind === 'person'
          ? await createPersonIn(transaction, actor, { institutionId, ...importRow.person! }, overridden)
          : await createOrganisationIn(transaction, actor, { institutionId, ...importRow.organisation! }, overridden);
        created[kind].set(row, id);
        (kind === 'person' ? summary.persons : summary.organisations).push(id);
        return id;
      };

      for (const planned of plan) {
        if (planned.skipped) continue;
        const organisationId = await idOf('organisation', planned.organisation, planned.row);
        const personId = await idOf('person', planned.person, planned.row);
        for (const kind of planned.fill) {
          const id = kind === 'person' ? personId! : organisationId!;
          const columns = await completeExisting(transaction, actor, institutionId, kind, id, rowsByNumber.get(planned.row)!.row);
          if (columns.length) summary.filled.push({ kind, id, columns });
        }
        if (!planned.position || !personId || !organisationId) continue;
        const position = rowsByNumber.get(planned.row)!.row.position!;
        // The same position twice in the file, or one the register already has, is written once.
        const key = `${personId}|${organisationId}|${foldText(position.title)}`;
        if (positionsWritten.has(key)) continue;
        positionsWritten.add(key);
        const day = today();
        const known = (await Position.findAll({ where: { institutionId, personId, organisationId }, transaction }))
          .find((p) => sameTitle(p.title, position.title) && (p.endsOn === null || p.endsOn >= day));
        if (known) {
          summary.positionsKnown.push(known.id);
          continue;
        }
        const { id } = await createPositionIn(transaction, actor, { institutionId, personId, organisationId, ...position });
        summary.positions.push(id);
      }

      await recordAudit(transaction, actor, {
        institutionId, entity: 'import', entityId: importId, action: 'import',
        changes: Object.fromEntries(Object.entries(summary).map(([key, value]) => [key, [null, value]])),
      });
    });
  } catch (error) {
    // The register's KvK numbers are unique: another user took this one since the preview.
    if (error instanceof UniqueConstraintError) throw changed();
    throw error;
  }
  return { importId, summary };
}
