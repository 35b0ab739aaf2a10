import { displayNameOf } from '~/modules/parties/queries.server';
import { AuditEvent, Organisation, Person, Position } from '~/utils/db.server';
import type { ImportSummary } from './mutations.server';

/**
 * Past imports are their audit events: the event is the record of what an import wrote and what
 * it left out, so there is no second copy to keep in step.
 */
function summaryOf(event: AuditEvent): ImportSummary {
  const changes = (event.changes ?? {}) as Record<string, [unknown, unknown]>;
  const value = <K extends keyof ImportSummary>(key: K, fallback: ImportSummary[K]) => (changes[key]?.[1] as ImportSummary[K]) ?? fallback;
  return {
    format: value('format', 'csv'), records: value('records', 0), persons: value('persons', []), organisations: value('organisations', []),
    positions: value('positions', []), linkedPersons: value('linkedPersons', []), linkedOrganisations: value('linkedOrganisations', []),
    positionsKnown: value('positionsKnown', []), filled: value('filled', []), skipped: value('skipped', []),
  };
}

export async function listImports(institutionId: number, limit = 20) {
  const events = await AuditEvent.findAll({
    where: { institutionId, entity: 'import', action: 'import' },
    order: [['occurredAt', 'DESC'], ['id', 'DESC']],
    limit,
  });
  return events.map((event) => {
    const summary = summaryOf(event);
    return {
      id: event.entityId!, occurredAt: event.occurredAt.toISOString(), actorLabel: event.actorLabel, format: summary.format,
      records: summary.records, created: summary.persons.length + summary.organisations.length + summary.positions.length,
      skipped: summary.skipped.length,
    };
  });
}

/** One import's report: what it created (by name, as the records read now), linked and skipped. */
export async function getImport(institutionId: number, importId: string) {
  const event = await AuditEvent.findOne({ where: { institutionId, entity: 'import', action: 'import', entityId: importId } });
  if (!event) return null;
  const summary = summaryOf(event);
  const personIds = [...summary.persons, ...summary.linkedPersons];
  const organisationIds = [...summary.organisations, ...summary.linkedOrganisations];
  const [persons, organisations, positions] = await Promise.all([
    personIds.length ? Person.findAll({ where: { institutionId, id: personIds } }) : [],
    organisationIds.length ? Organisation.findAll({ where: { institutionId, id: organisationIds }, attributes: ['id', 'name'] }) : [],
    summary.positions.length
      ? Position.findAll({
        where: { institutionId, id: summary.positions },
        include: [{ model: Person, as: 'person' }, { model: Organisation, as: 'organisation', attributes: ['id', 'name'] }],
      })
      : [],
  ]);
  const personName = new Map(persons.map((p) => [p.id, displayNameOf(p)]));
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]));
  const named = (ids: number[], names: Map<number, string>) => ids.map((id) => ({ id, name: names.get(id) ?? null }));
  return {
    id: importId,
    occurredAt: event.occurredAt.toISOString(),
    actorLabel: event.actorLabel,
    format: summary.format,
    records: summary.records,
    persons: named(summary.persons, personName),
    organisations: named(summary.organisations, organisationName),
    linkedPersons: named(summary.linkedPersons, personName),
    linkedOrganisations: named(summary.linkedOrganisations, organisationName),
    positions: positions.map((p) => ({
      id: p.id, title: p.title, personId: p.personId, organisationId: p.organisationId,
      personName: displayNameOf(p.get('person') as Person), organisationName: (p.get('organisation') as Organisation).name,
    })),
    positionsKnown: summary.positionsKnown.length,
    filled: summary.filled.map((f) => ({ ...f, name: (f.kind === 'person' ? personName : organisationName).get(f.id) ?? null })),
    skipped: summary.skipped,
  };
}

const FILL_ATTRIBUTES = {
  person: ['id', 'givenName', 'initials', 'tussenvoegsel', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city', 'source', 'legalBasis'],
  organisation: ['id', 'website', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city', 'source'],
} as const;

/** The fields an import may fill of the records it matched on a natural key, by id (plain values). */
export async function listFillTargets(institutionId: number, kind: 'person' | 'organisation', ids: number[]) {
  if (ids.length === 0) return new Map<number, Record<string, string | null>>();
  const where = { institutionId, id: ids };
  const attributes = [...FILL_ATTRIBUTES[kind]];
  const records = kind === 'person' ? await Person.findAll({ where, attributes }) : await Organisation.findAll({ where, attributes });
  return new Map(records.map((r) => [r.id, r.get({ plain: true }) as unknown as Record<string, string | null>]));
}
