import {
  Engagement, EngagementParticipant, Household, HouseholdMember, Op, Organisation, Person, Position, QueryTypes,
  SalienceAssessment, Stakeholder, selectCount, type WhereOptions,
} from '~/utils/db.server';
import { addMonths, today, type Day } from '~/utils/dates';
import type { ListParams, Page } from '~/utils/list-params';
import {
  familyCores, isPositionCurrent, normaliseHouseNumber, organisationMatchReasons, organisationNameKey, personDisplayName,
  personMatchReasons, type MatchReason, type OrganisationFacts, type PersonFacts,
} from './rules';
import type { HOUSEHOLD_SORTS, ORGANISATION_KINDS, ORGANISATION_SORTS, PartyKind, PERSON_SORTS } from './schema';
import { containsText, sqlString } from './sql.server';

export type Activity = 'active' | 'all' | 'inactive';

const activityWhere = (show: Activity) => (show === 'all' ? {} : { active: show === 'active' });

export const displayNameOf = (person: Pick<Person, 'givenName' | 'tussenvoegsel' | 'familyName' | 'initials'>) =>
  personDisplayName(person);

// ---------------------------------------------------------------- persons

export type PersonRow = {
  id: number;
  displayName: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  active: boolean;
  mergedIntoId: number | null;
  lastVerifiedOn: string | null;
  positions: { id: number; title: string; organisationId: number; organisationName: string }[];
};

const PERSON_ORDER: Record<(typeof PERSON_SORTS)[number], string[]> = {
  familyName: ['familyName', 'givenName', 'initials'],
  lastVerifiedOn: ['lastVerifiedOn'],
  createdAt: ['createdAt'],
};

/** Current positions of a set of persons, for list rows. */
async function currentPositionsOf(personIds: number[]) {
  if (personIds.length === 0) return new Map<number, PersonRow['positions']>();
  const day = today();
  const positions = await Position.findAll({
    where: {
      personId: personIds,
      [Op.and]: [
        { [Op.or]: [{ startsOn: null }, { startsOn: { [Op.lte]: day } }] },
        { [Op.or]: [{ endsOn: null }, { endsOn: { [Op.gte]: day } }] },
      ],
    },
    include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name'] }],
    order: [['startsOn', 'DESC'], ['id', 'DESC']],
  });
  const byPerson = new Map<number, PersonRow['positions']>();
  for (const position of positions) {
    const organisation = position.get('organisation') as Organisation;
    const list = byPerson.get(position.personId) ?? [];
    list.push({ id: position.id, title: position.title, organisationId: organisation.id, organisationName: organisation.name });
    byPerson.set(position.personId, list);
  }
  return byPerson;
}

export async function listPersons(
  institutionId: number,
  filters: { show: Activity },
  params: ListParams<(typeof PERSON_SORTS)[number]>,
): Promise<Page<PersonRow>> {
  const where: WhereOptions<Person> = { institutionId, ...activityWhere(filters.show) };
  const and: unknown[] = [];
  if (params.q) {
    and.push({
      [Op.or]: [
        containsText('"Person"."family_name"', params.q),
        containsText('"Person"."given_name"', params.q),
        containsText('"Person"."email"', params.q),
        containsText('"Person"."name_key"', params.q),
      ],
    });
  }
  const dir = params.dir.toUpperCase();
  const { rows, count } = await Person.findAndCountAll({
    where: (and.length ? { ...where, [Op.and]: and } : where) as WhereOptions<Person>,
    order: [...PERSON_ORDER[params.sort].map((column) => [column, dir] as [string, string]), ['id', 'ASC']],
    limit: params.perPage,
    offset: params.offset,
  });
  const positions = await currentPositionsOf(rows.map((r) => r.id));
  return {
    total: count,
    rows: rows.map((p) => ({
      id: p.id, displayName: displayNameOf(p), email: p.email, phone: p.phone, city: p.city, active: p.active,
      mergedIntoId: p.mergedIntoId, lastVerifiedOn: p.lastVerifiedOn, positions: positions.get(p.id) ?? [],
    })),
  };
}

export type StakeholderLink = { id: number; name: string; category: string; tier: string; status: string; via: 'self' | 'position' | 'household'; viaName?: string };

export async function getPerson(institutionId: number, personId: number) {
  const person = await Person.findOne({ where: { id: personId, institutionId } });
  if (!person) return null;
  const day = today();
  const [positions, memberships, ownStakeholder, participations, mergedInto] = await Promise.all([
    Position.findAll({
      where: { personId, institutionId },
      include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name', 'active'] }],
      order: [['startsOn', 'DESC'], ['id', 'DESC']],
    }),
    HouseholdMember.findAll({
      where: { personId },
      include: [{ model: Household, as: 'household', where: { institutionId }, attributes: ['id', 'name', 'city', 'status'] }],
      order: [['id', 'ASC']],
    }),
    Stakeholder.findOne({ where: { institutionId, personId } }),
    EngagementParticipant.findAll({
      where: { personId },
      include: [
        { model: Engagement, as: 'engagement', where: { institutionId } },
        { model: Position, as: 'position', include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name'] }] },
      ],
      order: [[{ model: Engagement, as: 'engagement' }, 'occurredOn', 'DESC'], ['id', 'DESC']],
      limit: 100,
    }),
    person.mergedIntoId ? Person.findOne({ where: { id: person.mergedIntoId, institutionId } }) : Promise.resolve(null),
  ]);

  // The person's stakeholder relationships: their own record, and those of the organisations and
  // households they belong to.
  const organisationIds = [...new Set(positions.filter((p) => isPositionCurrent(p, day)).map((p) => p.organisationId))];
  const householdIds = memberships.map((m) => m.householdId);
  const related = organisationIds.length || householdIds.length
    ? await Stakeholder.findAll({
      where: {
        institutionId,
        [Op.or]: [
          ...(organisationIds.length ? [{ organisationId: organisationIds }] : []),
          ...(householdIds.length ? [{ householdId: householdIds }] : []),
        ],
      },
      order: [['name', 'ASC']],
    })
    : [];
  const stakeholders: StakeholderLink[] = [
    ...(ownStakeholder ? [{ ...stakeholderLink(ownStakeholder), via: 'self' as const }] : []),
    ...related.map((s) => ({ ...stakeholderLink(s), via: s.organisationId ? 'position' as const : 'household' as const, viaName: s.name })),
  ];

  return {
    person: {
      ...personFields(person),
      displayName: displayNameOf(person),
      mergedInto: mergedInto ? { id: mergedInto.id, displayName: displayNameOf(mergedInto) } : null,
    },
    positions: positions.map((p) => {
      const organisation = p.get('organisation') as Organisation;
      return { ...positionFields(p), organisationName: organisation.name, organisationActive: organisation.active, current: isPositionCurrent(p, day) };
    }),
    households: memberships.map((m) => {
      const household = m.get('household') as Household;
      return { membershipId: m.id, id: household.id, name: household.name, city: household.city, status: household.status, relation: m.relation };
    }),
    stakeholders,
    engagements: participations.map((p) => {
      const engagement = p.get('engagement') as Engagement;
      const position = p.get('position') as (Position & { organisation?: Organisation }) | null;
      const organisation = position?.get('organisation') as Organisation | undefined;
      return {
        id: engagement.id, occurredOn: engagement.occurredOn, subject: engagement.subject, channel: engagement.channel,
        direction: engagement.direction,
        asPosition: position ? { title: position.title, organisationId: organisation?.id ?? null, organisationName: organisation?.name ?? null } : null,
      };
    }),
  };
}

function stakeholderLink(s: Stakeholder) {
  return { id: s.id, name: s.name, category: s.category, tier: s.tier, status: s.status };
}

export function personFields(p: Person) {
  return {
    id: p.id, givenName: p.givenName, tussenvoegsel: p.tussenvoegsel, familyName: p.familyName, initials: p.initials,
    email: p.email, phone: p.phone, street: p.street, houseNumber: p.houseNumber, postcode: p.postcode, city: p.city,
    source: p.source, legalBasis: p.legalBasis, lastVerifiedOn: p.lastVerifiedOn, active: p.active,
    mergedIntoId: p.mergedIntoId, erased: p.erasedAt !== null, version: p.version,
  };
}

export function positionFields(p: Position) {
  return {
    id: p.id, personId: p.personId, organisationId: p.organisationId, title: p.title, startsOn: p.startsOn, endsOn: p.endsOn,
    businessEmail: p.businessEmail, businessPhone: p.businessPhone, version: p.version,
  };
}

// ---------------------------------------------------------------- organisations

export type OrganisationRow = {
  id: number; name: string; kind: string; kvkNumber: string | null; city: string | null; active: boolean;
  mergedIntoId: number | null; lastVerifiedOn: string | null;
};

export async function listOrganisations(
  institutionId: number,
  filters: { show: Activity; kind?: (typeof ORGANISATION_KINDS)[number] },
  params: ListParams<(typeof ORGANISATION_SORTS)[number]>,
): Promise<Page<OrganisationRow>> {
  const where: Record<string | symbol, unknown> = { institutionId, ...activityWhere(filters.show) };
  if (filters.kind) where.kind = filters.kind;
  if (params.q) {
    where[Op.or] = [
      containsText('"Organisation"."name"', params.q),
      containsText('"Organisation"."kvk_number"', params.q),
      containsText('"Organisation"."city"', params.q),
    ];
  }
  const { rows, count } = await Organisation.findAndCountAll({
    where,
    order: [[params.sort, params.dir.toUpperCase()], ['id', 'ASC']],
    limit: params.perPage,
    offset: params.offset,
  });
  return {
    total: count,
    rows: rows.map((o) => ({
      id: o.id, name: o.name, kind: o.kind, kvkNumber: o.kvkNumber, city: o.city, active: o.active, mergedIntoId: o.mergedIntoId,
      lastVerifiedOn: o.lastVerifiedOn,
    })),
  };
}

export function organisationFields(o: Organisation) {
  return {
    id: o.id, name: o.name, kind: o.kind, kvkNumber: o.kvkNumber, street: o.street, houseNumber: o.houseNumber,
    postcode: o.postcode, city: o.city, website: o.website, email: o.email, phone: o.phone, notes: o.notes,
    source: o.source, lastVerifiedOn: o.lastVerifiedOn, active: o.active, mergedIntoId: o.mergedIntoId, version: o.version,
  };
}

export type TimelineItem =
  | { kind: 'engagement'; day: Day; id: number; subject: string; channel: string; participants: { personId: number; name: string; title: string | null }[] }
  | { kind: 'position-start' | 'position-end'; day: Day; id: number; personId: number; personName: string; title: string }
  | { kind: 'assessment'; day: Day; id: number; quadrant: string; mitchellClass: string; power: number; interest: number };

const TIMELINE_LIMIT = 200;

/**
 * The organisation's history: contacts where someone acted in a position there or where its
 * stakeholder took part, people starting and leaving, and salience assessments — newest first.
 */
export async function getOrganisation(institutionId: number, organisationId: number) {
  const organisation = await Organisation.findOne({ where: { id: organisationId, institutionId } });
  if (!organisation) return null;
  const day = today();
  const [positions, stakeholder, mergedInto] = await Promise.all([
    Position.findAll({
      where: { organisationId, institutionId },
      include: [{ model: Person, as: 'person' }],
      order: [['startsOn', 'DESC'], ['id', 'DESC']],
    }),
    Stakeholder.findOne({ where: { institutionId, organisationId } }),
    organisation.mergedIntoId ? Organisation.findOne({ where: { id: organisation.mergedIntoId, institutionId } }) : Promise.resolve(null),
  ]);
  const positionIds = positions.map((p) => p.id);

  const engagementWhere: unknown[] = [];
  if (positionIds.length) {
    engagementWhere.push({ id: { [Op.in]: literalIds(`SELECT engagement_id FROM engagement_participants WHERE position_id IN (${positionIds.join(',')})`) } });
  }
  if (stakeholder) {
    engagementWhere.push({ id: { [Op.in]: literalIds(`SELECT engagement_id FROM engagement_stakeholders WHERE stakeholder_id = ${stakeholder.id}`) } });
  }
  const [engagements, assessments] = await Promise.all([
    engagementWhere.length
      ? Engagement.findAll({
        where: { institutionId, [Op.or]: engagementWhere } as WhereOptions<Engagement>,
        include: [{
          model: EngagementParticipant, as: 'participants',
          include: [{ model: Person, as: 'person' }, { model: Position, as: 'position', attributes: ['id', 'title', 'organisationId'] }],
        }],
        order: [['occurredOn', 'DESC'], ['id', 'DESC']],
        limit: TIMELINE_LIMIT,
      })
      : Promise.resolve([] as Engagement[]),
    stakeholder
      ? SalienceAssessment.findAll({ where: { stakeholderId: stakeholder.id, institutionId }, order: [['assessedOn', 'DESC'], ['id', 'DESC']], limit: TIMELINE_LIMIT })
      : Promise.resolve([] as SalienceAssessment[]),
  ]);

  const timeline: TimelineItem[] = [];
  for (const engagement of engagements) {
    const participants = (engagement.get('participants') as (EngagementParticipant & { person: Person; position: Position | null })[]) ?? [];
    timeline.push({
      kind: 'engagement', day: engagement.occurredOn, id: engagement.id, subject: engagement.subject, channel: engagement.channel,
      participants: participants.map((p) => ({
        personId: p.personId,
        name: displayNameOf(p.get('person') as Person),
        title: (p.get('position') as Position | null)?.organisationId === organisationId ? (p.get('position') as Position).title : null,
      })),
    });
  }
  for (const position of positions) {
    const person = position.get('person') as Person;
    const base = { id: position.id, personId: person.id, personName: displayNameOf(person), title: position.title };
    if (position.startsOn) timeline.push({ kind: 'position-start', day: position.startsOn, ...base });
    if (position.endsOn && position.endsOn <= day) timeline.push({ kind: 'position-end', day: position.endsOn, ...base });
  }
  for (const a of assessments) {
    timeline.push({ kind: 'assessment', day: a.assessedOn, id: a.id, quadrant: a.quadrant, mitchellClass: a.mitchellClass, power: a.power, interest: a.interest });
  }
  timeline.sort((a, b) => (a.day === b.day ? b.id - a.id : a.day < b.day ? 1 : -1));

  return {
    organisation: { ...organisationFields(organisation), mergedInto: mergedInto ? { id: mergedInto.id, name: mergedInto.name } : null },
    people: positions.map((p) => {
      const person = p.get('person') as Person;
      return { ...positionFields(p), personName: displayNameOf(person), personActive: person.active, current: isPositionCurrent(p, day) };
    }),
    stakeholder: stakeholder ? stakeholderLink(stakeholder) : null,
    timeline: timeline.slice(0, TIMELINE_LIMIT),
  };
}

// Ids from our own subquery text (numbers only, never user input), as an IN (…) operand.
function literalIds(sql: string) {
  return Organisation.sequelize!.literal(`(${sql})`);
}

// ---------------------------------------------------------------- households

export async function listHouseholds(
  institutionId: number,
  filters: { show: Activity },
  params: ListParams<(typeof HOUSEHOLD_SORTS)[number]>,
) {
  const where: Record<string | symbol, unknown> = { institutionId };
  if (filters.show === 'active') where.status = { [Op.ne]: 'inactive' };
  if (filters.show === 'inactive') where.status = 'inactive';
  if (params.q) {
    where[Op.or] = [
      containsText('"Household"."name"', params.q),
      containsText('"Household"."postcode"', params.q),
      containsText('"Household"."city"', params.q),
    ];
  }
  const { rows, count } = await Household.findAndCountAll({
    where,
    order: [[params.sort, params.dir.toUpperCase()], ['id', 'ASC']],
    limit: params.perPage,
    offset: params.offset,
  });
  const counts = rows.length
    ? await HouseholdMember.count({ where: { householdId: rows.map((r) => r.id) }, group: ['householdId'] })
    : [];
  const memberCounts = new Map((counts as unknown as { householdId: number; count: number }[]).map((c) => [c.householdId, Number(c.count)]));
  return {
    total: count,
    rows: rows.map((h) => ({
      id: h.id, name: h.name, postcode: h.postcode, houseNumber: h.houseNumber, city: h.city, status: h.status,
      segment: h.segment, members: memberCounts.get(h.id) ?? 0,
    })),
  };
}

export function householdFields(h: Household) {
  return {
    id: h.id, name: h.name, street: h.street, houseNumber: h.houseNumber, postcode: h.postcode, city: h.city,
    segment: h.segment, status: h.status, source: h.source, lastVerifiedOn: h.lastVerifiedOn, version: h.version,
  };
}

export async function getHousehold(institutionId: number, householdId: number) {
  const household = await Household.findOne({ where: { id: householdId, institutionId } });
  if (!household) return null;
  const [members, stakeholder] = await Promise.all([
    HouseholdMember.findAll({ where: { householdId }, include: [{ model: Person, as: 'person' }], order: [['id', 'ASC']] }),
    Stakeholder.findOne({ where: { institutionId, householdId } }),
  ]);
  return {
    household: householdFields(household),
    members: members.map((m) => {
      const person = m.get('person') as Person;
      return { membershipId: m.id, personId: person.id, name: displayNameOf(person), relation: m.relation, active: person.active };
    }),
    stakeholder: stakeholder ? stakeholderLink(stakeholder) : null,
  };
}

// ---------------------------------------------------------------- options for forms

/** Active persons for a select, by family name. */
export async function listPersonOptions(institutionId: number) {
  const persons = await Person.findAll({
    where: { institutionId, active: true },
    order: [['familyName', 'ASC'], ['givenName', 'ASC'], ['id', 'ASC']],
    attributes: ['id', 'givenName', 'tussenvoegsel', 'familyName', 'initials', 'city'],
  });
  return persons.map((p) => ({ id: p.id, label: displayNameOf(p), city: p.city }));
}

export async function listOrganisationOptions(institutionId: number) {
  const organisations = await Organisation.findAll({
    where: { institutionId, active: true },
    order: [['name', 'ASC'], ['id', 'ASC']],
    attributes: ['id', 'name', 'city'],
  });
  return organisations.map((o) => ({ id: o.id, label: o.name, city: o.city }));
}

/** Parties of one kind that are not yet stakeholders, found by name, for "add a stakeholder". */
export async function searchPartiesWithoutStakeholder(institutionId: number, kind: PartyKind, q: string | undefined, limit = 25) {
  const notYet = (column: string) =>
    Stakeholder.sequelize!.literal(`NOT EXISTS (SELECT 1 FROM stakeholders s WHERE s.institution_id = ${institutionId} AND s.${column} = ${kind === 'organisation' ? '"Organisation"' : kind === 'person' ? '"Person"' : '"Household"'}."id")`);
  if (kind === 'organisation') {
    const rows = await Organisation.findAll({
      where: { institutionId, active: true, [Op.and]: [notYet('organisation_id'), ...(q ? [containsText('"Organisation"."name"', q)] : [])] },
      order: [['name', 'ASC'], ['id', 'ASC']],
      limit,
    });
    return rows.map((o) => ({ id: o.id, label: o.name, detail: o.city }));
  }
  if (kind === 'person') {
    const rows = await Person.findAll({
      where: {
        institutionId, active: true,
        [Op.and]: [notYet('person_id'), ...(q ? [{ [Op.or]: [containsText('"Person"."family_name"', q), containsText('"Person"."given_name"', q), containsText('"Person"."name_key"', q)] }] : [])],
      },
      order: [['familyName', 'ASC'], ['id', 'ASC']],
      limit,
    });
    return rows.map((p) => ({ id: p.id, label: displayNameOf(p), detail: p.city }));
  }
  const rows = await Household.findAll({
    where: { institutionId, status: { [Op.ne]: 'inactive' }, [Op.and]: [notYet('household_id'), ...(q ? [containsText('"Household"."name"', q)] : [])] },
    order: [['name', 'ASC'], ['id', 'ASC']],
    limit,
  });
  return rows.map((h) => ({ id: h.id, label: h.name, detail: [h.postcode, h.city].filter(Boolean).join(' ') || null }));
}

/** The name a party shows under, checked against the institution; null when it is not there. */
export async function getPartySummary(institutionId: number, kind: PartyKind, partyId: number) {
  if (kind === 'organisation') {
    const o = await Organisation.findOne({ where: { id: partyId, institutionId } });
    return o ? { kind, id: o.id, name: o.name, active: o.active } : null;
  }
  if (kind === 'person') {
    const p = await Person.findOne({ where: { id: partyId, institutionId } });
    return p ? { kind, id: p.id, name: displayNameOf(p), active: p.active } : null;
  }
  const h = await Household.findOne({ where: { id: partyId, institutionId } });
  return h ? { kind, id: h.id, name: h.name, active: h.status !== 'inactive' } : null;
}

// ---------------------------------------------------------------- duplicates

export type PartyMatch = { id: number; label: string; detail: string | null; active: boolean; reasons: MatchReason[] };

const MATCH_LIMIT = 10;

/**
 * Likely existing records for a person being entered: candidates found in SQL by any family-name
 * core, email (private or business) or address, then judged by the name rules.
 */
export async function findPersonMatches(institutionId: number, entered: PersonFacts, excludeId?: number): Promise<PartyMatch[]> {
  const cores = familyCores(entered.familyName, entered.tussenvoegsel);
  const or: unknown[] = cores.map((core) => {
    const c = core.replace(/[^a-z0-9]/g, '');
    // name_key is `core core|initials`: a core is a whole word before the bar.
    return Person.sequelize!.literal(
      `(' ' || replace("Person"."name_key", '|', ' |')) LIKE ${sqlString(`% ${c} %`)}`,
    );
  });
  if (entered.email) {
    or.push({ email: entered.email.toLowerCase() });
    or.push(Person.sequelize!.literal(
      `"Person"."id" IN (SELECT person_id FROM positions WHERE institution_id = ${institutionId} AND business_email = ${sqlString(entered.email.toLowerCase())})`,
    ));
  }
  if (entered.postcode && entered.houseNumber) {
    or.push({ postcode: entered.postcode, houseNumber: normaliseHouseNumber(entered.houseNumber) });
  }
  if (or.length === 0) return [];
  const candidates = await Person.findAll({
    where: {
      institutionId,
      mergedIntoId: null,
      erasedAt: null,
      ...(excludeId ? { id: { [Op.ne]: excludeId } } : {}),
      [Op.or]: or,
    } as WhereOptions<Person>,
    order: [['active', 'DESC'], ['id', 'ASC']],
    limit: 200,
  });
  const emails = candidates.length
    ? await Position.findAll({ where: { personId: candidates.map((c) => c.id), businessEmail: { [Op.ne]: null } }, attributes: ['personId', 'businessEmail'] })
    : [];
  const matches: PartyMatch[] = [];
  for (const candidate of candidates) {
    const reasons = personMatchReasons(entered, {
      ...candidate.get({ plain: true }),
      otherEmails: emails.filter((e) => e.personId === candidate.id).map((e) => e.businessEmail),
    });
    if (reasons.length) {
      matches.push({
        id: candidate.id, label: displayNameOf(candidate), active: candidate.active, reasons,
        detail: [candidate.email, [candidate.postcode, candidate.houseNumber].filter(Boolean).join(' '), candidate.city].filter(Boolean).join(' · ') || null,
      });
    }
  }
  return matches.slice(0, MATCH_LIMIT);
}

export async function findOrganisationMatches(institutionId: number, entered: OrganisationFacts, excludeId?: number): Promise<PartyMatch[]> {
  const or: unknown[] = [{ nameKey: organisationNameKey(entered.name) }];
  if (entered.kvkNumber) or.push({ kvkNumber: entered.kvkNumber });
  if (entered.email) or.push({ email: entered.email.toLowerCase() });
  if (entered.postcode && entered.houseNumber) or.push({ postcode: entered.postcode, houseNumber: normaliseHouseNumber(entered.houseNumber) });
  const candidates = await Organisation.findAll({
    where: { institutionId, mergedIntoId: null, ...(excludeId ? { id: { [Op.ne]: excludeId } } : {}), [Op.or]: or } as WhereOptions<Organisation>,
    order: [['active', 'DESC'], ['id', 'ASC']],
    limit: 200,
  });
  return candidates
    .map((candidate) => ({
      id: candidate.id, label: candidate.name, active: candidate.active,
      detail: [candidate.kvkNumber ? `KvK ${candidate.kvkNumber}` : null, candidate.city].filter(Boolean).join(' · ') || null,
      reasons: organisationMatchReasons(entered, candidate.get({ plain: true })),
    }))
    .filter((m) => m.reasons.length > 0)
    .slice(0, MATCH_LIMIT);
}

// ---------------------------------------------------------------- merge targets

/** Candidates to keep when merging away `sourceId`: active records of the same kind, by name. */
export async function listMergeTargets(institutionId: number, kind: 'person' | 'organisation', sourceId: number, q?: string) {
  if (kind === 'person') {
    const rows = await Person.findAll({
      where: {
        institutionId, active: true, mergedIntoId: null, id: { [Op.ne]: sourceId },
        ...(q ? { [Op.or]: [containsText('"Person"."family_name"', q), containsText('"Person"."given_name"', q), containsText('"Person"."name_key"', q)] } : {}),
      },
      order: [['familyName', 'ASC'], ['id', 'ASC']],
      limit: 50,
    });
    return rows.map((p) => ({ id: p.id, label: displayNameOf(p), detail: [p.email, p.city].filter(Boolean).join(' · ') || null }));
  }
  const rows = await Organisation.findAll({
    where: {
      institutionId, active: true, mergedIntoId: null, id: { [Op.ne]: sourceId },
      ...(q ? { [Op.or]: [containsText('"Organisation"."name"', q), containsText('"Organisation"."kvk_number"', q)] } : {}),
    },
    order: [['name', 'ASC'], ['id', 'ASC']],
    limit: 50,
  });
  return rows.map((o) => ({ id: o.id, label: o.name, detail: [o.kvkNumber, o.city].filter(Boolean).join(' · ') || null }));
}

// ---------------------------------------------------------------- data currency

export type UnverifiedRow = { kind: 'person' | 'organisation'; id: number; name: string; lastVerifiedOn: string | null };

/** The day before which data counts as stale: twelve months before today. */
export const staleBefore = (day: Day = today()) => addMonths(day, -12);

/** A person or organisation nobody has confirmed for twelve months (or ever); persons erased are no one's to confirm. */
const STALE = 'active = TRUE AND merged_into_id IS NULL AND (last_verified_on IS NULL OR last_verified_on < :cutoff) AND institution_id = :institutionId';
const STALE_PERSON = `${STALE} AND erased_at IS NULL`;

/**
 * Active persons and organisations nobody has confirmed for twelve months (or ever), oldest first,
 * paged in SQL over both tables.
 */
export async function listUnverified(
  institutionId: number,
  filters: { kind?: 'person' | 'organisation' },
  params: { perPage: number; offset: number },
): Promise<Page<UnverifiedRow> & { cutoff: Day }> {
  const cutoff = staleBefore();
  const sequelize = Person.sequelize!;
  const parts: string[] = [];
  const personName = `COALESCE(given_name, initials, '') || CASE WHEN given_name IS NULL AND initials IS NULL THEN '' ELSE ' ' END || COALESCE(tussenvoegsel || ' ', '') || family_name`;
  if (filters.kind !== 'organisation') parts.push(`SELECT 'person' AS kind, id, ${personName} AS name, last_verified_on FROM persons WHERE ${STALE_PERSON}`);
  if (filters.kind !== 'person') parts.push(`SELECT 'organisation' AS kind, id, name, last_verified_on FROM organisations WHERE ${STALE}`);
  const union = parts.join(' UNION ALL ');
  const replacements = { cutoff, institutionId, limit: params.perPage, offset: params.offset };
  type Raw = { kind: 'person' | 'organisation'; id: number | string; name: string; last_verified_on: string | null };
  const [rows, totals] = await Promise.all([
    sequelize.query<Raw>(
      `SELECT * FROM (${union}) AS unverified ORDER BY CASE WHEN last_verified_on IS NULL THEN 0 ELSE 1 END, last_verified_on, kind, id LIMIT :limit OFFSET :offset`,
      { replacements, type: QueryTypes.SELECT },
    ),
    sequelize.query<{ total: number | string }>(`SELECT COUNT(*) AS total FROM (${union}) AS unverified`, { replacements, type: QueryTypes.SELECT }),
  ]);
  return {
    cutoff,
    total: Number(totals[0]?.total ?? 0),
    rows: rows.map((r) => ({
      kind: r.kind, id: Number(r.id), name: r.name, lastVerifiedOn: r.last_verified_on ? String(r.last_verified_on).slice(0, 10) : null,
    })),
  };
}

/** How many parties need confirming, for the dashboard and the directory. */
export function countUnverified(institutionId: number): Promise<number> {
  return selectCount(
    `SELECT (SELECT COUNT(*) FROM persons WHERE ${STALE_PERSON}) + (SELECT COUNT(*) FROM organisations WHERE ${STALE}) AS n`,
    { cutoff: staleBefore(), institutionId },
  );
}

/** One position with the names of its person and organisation, for its edit form. */
export async function getPosition(institutionId: number, positionId: number) {
  const position = await Position.findOne({
    where: { id: positionId, institutionId },
    include: [{ model: Person, as: 'person' }, { model: Organisation, as: 'organisation', attributes: ['id', 'name', 'active'] }],
  });
  if (!position) return null;
  const organisation = position.get('organisation') as Organisation;
  return {
    ...positionFields(position),
    personName: displayNameOf(position.get('person') as Person),
    organisationName: organisation.name,
    organisationActive: organisation.active,
  };
}

/**
 * What a person's vCard holds: the person, and their current positions with the organisation's
 * address and website (the card's business details), the newest position first.
 */
export async function getPersonCard(institutionId: number, personId: number) {
  const person = await Person.findOne({ where: { id: personId, institutionId } });
  if (!person) return null;
  const day = today();
  const positions = await Position.findAll({
    where: { personId, institutionId },
    include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name', 'street', 'houseNumber', 'postcode', 'city', 'website'] }],
    order: [['startsOn', 'DESC'], ['id', 'DESC']],
  });
  return {
    person: { ...personFields(person), displayName: displayNameOf(person) },
    positions: positions.filter((p) => isPositionCurrent(p, day)).map((p) => {
      const o = p.get('organisation') as Organisation;
      return {
        title: p.title, businessEmail: p.businessEmail, businessPhone: p.businessPhone,
        organisation: { name: o.name, street: o.street, houseNumber: o.houseNumber, postcode: o.postcode, city: o.city, website: o.website },
      };
    }),
  };
}
