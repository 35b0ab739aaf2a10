import { displayNameOf, personFields } from '~/modules/parties/queries.server';
import { isPositionCurrent } from '~/modules/parties/rules';
import { momentStatusSql, OPEN_STATUSES, type MomentStatus } from '~/modules/obligations/rules';
import {
  Agreement, AgreementParty, AuditEvent, CorrectionProposal, DataSubjectRequest, db, Engagement, EngagementParticipant,
  Household, HouseholdMember, Institution, Op, Organisation, Person, PortalLink, Position, QueryTypes, Stakeholder, User,
  dayFromSql, dayOrNullFromSql, selectCount, type WhereOptions,
} from '~/utils/db.server';
import { type Day } from '~/utils/dates';
import type { ListParams, Page } from '~/utils/list-params';
import { CORRECTABLE_FIELDS, effectiveDueOn, isRequestOverdue, OPEN_REQUEST_STATUSES, type CorrectableField } from './rules';
import type { PROPOSAL_STATUSES, RequestFilters, RequestSort } from './schema';

// ---------------------------------------------------------------- data-subject requests

export type RequestRow = {
  id: number;
  kind: string;
  status: string;
  requester: string;
  person: { id: number; name: string; erased: boolean } | null;
  receivedOn: Day;
  dueOn: Day;
  extendedTo: Day | null;
  effectiveDueOn: Day;
  overdue: boolean;
  closedOn: Day | null;
};

const OPEN = [...OPEN_REQUEST_STATUSES];

// The effective deadline in SQL, qualified with the alias Sequelize gives the main table.
const EFFECTIVE_DUE = 'COALESCE("DataSubjectRequest"."extended_to", "DataSubjectRequest"."due_on")';

/** Open and past the (extended) deadline: isRequestOverdue in a Sequelize where. */
const overdueWhere = (today: Day) => ({
  status: { [Op.in]: OPEN },
  [Op.or]: [{ extendedTo: null, dueOn: { [Op.lt]: today } }, { extendedTo: { [Op.lt]: today } }],
});

function requestWhere(institutionId: number, filters: Partial<RequestFilters> & { personId?: number }, today: Day): WhereOptions<DataSubjectRequest> {
  const where: Record<string | symbol, unknown> = { institutionId };
  if (filters.kind) where.kind = filters.kind;
  if (filters.personId) where.personId = filters.personId;
  if (filters.state === 'open') where.status = { [Op.in]: OPEN };
  if (filters.state === 'closed') where.status = { [Op.notIn]: OPEN };
  if (filters.state === 'overdue') Object.assign(where, overdueWhere(today));
  return where as WhereOptions<DataSubjectRequest>;
}

function requestRow(r: DataSubjectRequest, today: Day): RequestRow {
  const person = r.get('person') as Person | null | undefined;
  return {
    id: r.id, kind: r.kind, status: r.status, requester: r.requester,
    person: person ? { id: person.id, name: displayNameOf(person), erased: person.erasedAt !== null } : null,
    receivedOn: r.receivedOn, dueOn: r.dueOn, extendedTo: r.extendedTo, effectiveDueOn: effectiveDueOn(r),
    overdue: isRequestOverdue(r, today), closedOn: r.closedOn,
  };
}

const personInclude = { model: Person, as: 'person', attributes: ['id', 'givenName', 'tussenvoegsel', 'familyName', 'initials', 'erasedAt'] };

/** The request log: filtered, sorted and paged in SQL. */
export async function listRequests(
  institutionId: number, filters: RequestFilters, params: ListParams<RequestSort>, today: Day,
): Promise<Page<RequestRow>> {
  await db();
  const dir = params.dir === 'desc' ? 'DESC' : 'ASC';
  const order = {
    receivedOn: [['receivedOn', dir]],
    dueOn: [[Person.sequelize!.literal(EFFECTIVE_DUE), dir]],
    kind: [['kind', dir], ['receivedOn', dir]],
    status: [['status', dir], ['receivedOn', dir]],
  }[params.sort];
  const { rows, count } = await DataSubjectRequest.findAndCountAll({
    where: requestWhere(institutionId, filters, today),
    include: [personInclude],
    order: [...order, ['id', dir]] as never,
    limit: params.perPage,
    offset: params.offset,
  });
  return { total: count, rows: rows.map((r) => requestRow(r, today)) };
}

/** For the dashboard: how many requests are open past their deadline. */
export function countOverdueRequests(institutionId: number, today: Day): Promise<number> {
  // overdueWhere as a plain statement: the dashboard counts on every view.
  return selectCount(
    'SELECT COUNT(*) AS n FROM data_subject_requests WHERE institution_id = :institutionId AND status IN (:open) AND COALESCE(extended_to, due_on) < :today',
    { institutionId, open: OPEN, today },
  );
}

/** For the dashboard: the overdue requests, the longest overdue first. */
export async function listOverdueRequests(institutionId: number, today: Day, limit = 10): Promise<RequestRow[]> {
  await db();
  const rows = await DataSubjectRequest.findAll({
    where: { institutionId, ...overdueWhere(today) } as WhereOptions<DataSubjectRequest>,
    include: [personInclude],
    order: [[Person.sequelize!.literal(EFFECTIVE_DUE), 'ASC'], ['id', 'ASC']],
    limit,
  });
  return rows.map((r) => requestRow(r, today));
}

export async function getRequest(institutionId: number, requestId: number, today: Day) {
  await db();
  const request = await DataSubjectRequest.findOne({
    where: { id: requestId, institutionId },
    include: [personInclude, { model: User, as: 'handledBy', attributes: ['id', 'name'] }],
  });
  if (!request) return null;
  const handledBy = request.get('handledBy') as User | null;
  return {
    ...requestRow(request, today),
    extensionReason: request.extensionReason,
    outcome: request.outcome,
    handledBy: handledBy ? { id: handledBy.id, name: handledBy.name } : null,
    version: request.version,
    createdAt: request.createdAt.toISOString(),
  };
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

// ---------------------------------------------------------------- a person's privacy page

/** The stakeholder relationships a person has: their own, and through current positions and households. */
async function relatedStakeholders(institutionId: number, personId: number, day: Day) {
  const [positions, memberships] = await Promise.all([
    Position.findAll({ where: { institutionId, personId }, attributes: ['organisationId', 'startsOn', 'endsOn'] }),
    HouseholdMember.findAll({ where: { personId }, attributes: ['householdId'] }),
  ]);
  const organisationIds = [...new Set(positions.filter((p) => isPositionCurrent(p, day)).map((p) => p.organisationId))];
  const householdIds = memberships.map((m) => m.householdId);
  const stakeholders = await Stakeholder.findAll({
    where: {
      institutionId,
      [Op.or]: [
        { personId },
        ...(organisationIds.length ? [{ organisationId: organisationIds }] : []),
        ...(householdIds.length ? [{ householdId: householdIds }] : []),
      ],
    },
    order: [['name', 'ASC'], ['id', 'ASC']],
  });
  return stakeholders.map((s) => ({
    id: s.id, name: s.name, category: s.category, tier: s.tier, status: s.status,
    via: s.personId === personId ? ('self' as const) : s.organisationId ? ('position' as const) : ('household' as const),
  }));
}

/** Where a portal link can go: the person's own email and the business emails of current positions. */
async function contactAddresses(institutionId: number, person: Person, day: Day) {
  const positions = await Position.findAll({
    where: { institutionId, personId: person.id, businessEmail: { [Op.ne]: null } },
    include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name'] }],
    order: [['startsOn', 'DESC'], ['id', 'DESC']],
  });
  return [
    ...(person.email ? [{ value: 'private', email: person.email, organisation: null as string | null }] : []),
    ...positions.filter((p) => isPositionCurrent(p, day)).map((p) => ({
      value: `position-${p.id}`, email: p.businessEmail!, organisation: (p.get('organisation') as Organisation).name,
    })),
  ];
}

/** The person as the privacy page shows them: the facts, the hold, the links sent, the requests. */
export async function getPrivacyPerson(institutionId: number, personId: number, today: Day) {
  await db();
  const person = await Person.findOne({ where: { id: personId, institutionId } });
  if (!person) return null;
  const [addresses, links, requests, pendingProposals] = await Promise.all([
    contactAddresses(institutionId, person, today),
    PortalLink.findAll({
      where: { institutionId, personId },
      include: [{ model: User, as: 'createdBy', attributes: ['id', 'name'] }],
      order: [['createdAt', 'DESC'], ['id', 'DESC']],
      limit: 20,
    }),
    DataSubjectRequest.findAll({ where: { institutionId, personId }, order: [['receivedOn', 'DESC'], ['id', 'DESC']] }),
    CorrectionProposal.count({ where: { institutionId, personId, status: 'pending' } }),
  ]);
  const now = new Date();
  return {
    person: {
      ...personFields(person),
      displayName: displayNameOf(person),
      legalHold: person.legalHold,
      erasedAt: person.erasedAt?.toISOString() ?? null,
    },
    addresses,
    portalLinks: links.map((l) => ({
      id: l.id,
      sentAt: l.createdAt.toISOString(),
      expiresAt: l.expiresAt.toISOString(),
      usedAt: l.usedAt?.toISOString() ?? null,
      revokedAt: l.revokedAt?.toISOString() ?? null,
      expired: l.expiresAt.getTime() <= now.getTime(),
      sentBy: (l.get('createdBy') as User | null)?.name ?? null,
    })),
    requests: requests.map((r) => requestRow(r, today)),
    pendingProposals,
  };
}

// ---------------------------------------------------------------- access (art. 15)

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/**
 * Everything the institution holds about a person, in one structure: the page shows it and the
 * JSON download is it. Records merged into this person are the same human, so they are included.
 */
export async function gatherPersonData(institutionId: number, personId: number, today: Day) {
  await db();
  const [person, institution] = await Promise.all([
    Person.findOne({ where: { id: personId, institutionId } }),
    Institution.findByPk(institutionId, { attributes: ['id', 'name'] }),
  ]);
  if (!person || !institution) return null;
  const merged = await Person.findAll({ where: { institutionId, mergedIntoId: personId }, order: [['id', 'ASC']] });
  const personIds = [person.id, ...merged.map((m) => m.id)];

  const [positions, memberships, participations, requests, proposals, links, stakeholders] = await Promise.all([
    Position.findAll({
      where: { institutionId, personId: personIds },
      include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name'] }],
      order: [['startsOn', 'ASC'], ['id', 'ASC']],
    }),
    HouseholdMember.findAll({
      where: { personId: personIds },
      include: [{ model: Household, as: 'household', where: { institutionId } }],
      order: [['id', 'ASC']],
    }),
    EngagementParticipant.findAll({
      where: { personId: personIds },
      include: [
        { model: Engagement, as: 'engagement', where: { institutionId } },
        { model: Position, as: 'position', attributes: ['id', 'title', 'organisationId'], include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name'] }] },
      ],
      order: [[{ model: Engagement, as: 'engagement' }, 'occurredOn', 'ASC'], ['id', 'ASC']],
    }),
    DataSubjectRequest.findAll({ where: { institutionId, personId: personIds }, order: [['receivedOn', 'ASC'], ['id', 'ASC']] }),
    CorrectionProposal.findAll({ where: { institutionId, personId: personIds }, order: [['createdAt', 'ASC'], ['id', 'ASC']] }),
    PortalLink.findAll({ where: { institutionId, personId: personIds }, order: [['createdAt', 'ASC'], ['id', 'ASC']] }),
    relatedStakeholders(institutionId, person.id, today),
  ]);

  const own = stakeholders.find((s) => s.via === 'self');
  const related: { entity: string; ids: (number | string)[] }[] = [
    { entity: 'person', ids: personIds },
    { entity: 'position', ids: positions.map((p) => p.id) },
    { entity: 'stakeholder', ids: own ? [own.id] : [] },
    { entity: 'data-subject-request', ids: requests.map((r) => r.id) },
    { entity: 'correction-proposal', ids: proposals.map((p) => p.id) },
    { entity: 'portal-link', ids: links.map((l) => l.id) },
  ].filter((r) => r.ids.length > 0);
  const events = await AuditEvent.findAll({
    where: { institutionId, [Op.or]: related.map((r) => ({ entity: r.entity, entityId: r.ids.map(String) })) } as WhereOptions<AuditEvent>,
    order: [['occurredAt', 'ASC'], ['id', 'ASC']],
  });

  const personRecord = (p: Person) => ({
    id: p.id, givenName: p.givenName, tussenvoegsel: p.tussenvoegsel, familyName: p.familyName, initials: p.initials,
    email: p.email, phone: p.phone, street: p.street, houseNumber: p.houseNumber, postcode: p.postcode, city: p.city,
    source: p.source, legalBasis: p.legalBasis, lastVerifiedOn: p.lastVerifiedOn, legalHold: p.legalHold, active: p.active,
    erasedAt: iso(p.erasedAt), createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt),
  });

  return {
    generatedOn: today,
    controller: { id: institution.id, name: institution.name },
    person: { ...personRecord(person), displayName: displayNameOf(person) },
    mergedRecords: merged.map(personRecord),
    households: memberships.map((m) => {
      const h = m.get('household') as Household;
      return { id: h.id, name: h.name, street: h.street, houseNumber: h.houseNumber, postcode: h.postcode, city: h.city, relation: m.relation };
    }),
    positions: positions.map((p) => ({
      id: p.id, title: p.title, organisation: (p.get('organisation') as Organisation).name, startsOn: p.startsOn, endsOn: p.endsOn,
      businessEmail: p.businessEmail, businessPhone: p.businessPhone, current: isPositionCurrent(p, today),
    })),
    stakeholderRelationships: stakeholders,
    engagements: participations.map((p) => {
      const e = p.get('engagement') as Engagement;
      const position = p.get('position') as Position | null;
      return {
        id: e.id, occurredOn: e.occurredOn, channel: e.channel, direction: e.direction, subject: e.subject, summary: e.summary,
        asPosition: position ? { title: position.title, organisation: (position.get('organisation') as Organisation | null)?.name ?? null } : null,
      };
    }),
    dataSubjectRequests: requests.map((r) => ({
      id: r.id, kind: r.kind, status: r.status, receivedOn: r.receivedOn, dueOn: r.dueOn, extendedTo: r.extendedTo,
      closedOn: r.closedOn, outcome: r.outcome,
    })),
    correctionProposals: proposals.map((p) => ({
      id: p.id, status: p.status, proposed: p.proposed, message: p.message, createdAt: iso(p.createdAt), reviewedAt: iso(p.reviewedAt), reviewNote: p.reviewNote,
    })),
    portalLinks: links.map((l) => ({ id: l.id, sentAt: iso(l.createdAt), expiresAt: iso(l.expiresAt), usedAt: iso(l.usedAt), revokedAt: iso(l.revokedAt) })),
    audit: events.map((e) => ({
      id: e.id, occurredAt: e.occurredAt.toISOString(), actor: e.actorLabel, entity: e.entity, entityId: e.entityId, action: e.action, changes: e.changes,
    })),
  };
}
export type PersonData = NonNullable<Awaited<ReturnType<typeof gatherPersonData>>>;

// ---------------------------------------------------------------- the review queue

export type ProposalRow = {
  id: number;
  status: string;
  person: { id: number; name: string; erased: boolean };
  /** Field → [value now, proposed value]. */
  fields: { field: CorrectableField; current: string | null; proposed: string | null }[];
  message: string | null;
  createdAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
};

export async function listProposals(
  institutionId: number, filters: { status: (typeof PROPOSAL_STATUSES)[number] }, params: { perPage: number; offset: number },
): Promise<Page<ProposalRow>> {
  await db();
  const { rows, count } = await CorrectionProposal.findAndCountAll({
    where: { institutionId, ...(filters.status === 'all' ? {} : { status: filters.status }) },
    include: [{ model: Person, as: 'person' }, { model: User, as: 'reviewedBy', attributes: ['id', 'name'] }],
    // The queue is worked oldest first; reviewed ones read newest first.
    order: [['createdAt', filters.status === 'pending' ? 'ASC' : 'DESC'], ['id', 'ASC']],
    limit: params.perPage,
    offset: params.offset,
  });
  return {
    total: count,
    rows: rows.map((p) => {
      const person = p.get('person') as Person;
      return {
        id: p.id, status: p.status,
        person: { id: person.id, name: displayNameOf(person), erased: person.erasedAt !== null },
        fields: CORRECTABLE_FIELDS.filter((f) => f in (p.proposed ?? {})).map((field) => ({
          field, current: person[field] ?? null, proposed: p.proposed[field] ?? null,
        })),
        message: p.message,
        createdAt: p.createdAt.toISOString(),
        reviewedAt: iso(p.reviewedAt),
        reviewedBy: (p.get('reviewedBy') as User | null)?.name ?? null,
        reviewNote: p.reviewNote,
      };
    }),
  };
}

/** For the dashboard and the privacy page: corrections waiting for a secretary. */
export function countPendingCorrections(institutionId: number): Promise<number> {
  return selectCount("SELECT COUNT(*) AS n FROM correction_proposals WHERE institution_id = :institutionId AND status = 'pending'", { institutionId });
}

// ---------------------------------------------------------------- the portal

export type PortalMoment = {
  id: number; title: string; form: string; dueOn: Day; periodStart: Day; periodEnd: Day; renderedOn: Day | null; status: MomentStatus;
};

const PORTAL_LIST_LIMIT = 25;
const STATUS = momentStatusSql('m');

/** Reporting moments of obligations owed to these stakeholders, in the given statuses. */
async function momentsFor(institutionId: number, stakeholderIds: number[], statuses: readonly MomentStatus[], order: string, today: Day): Promise<PortalMoment[]> {
  if (stakeholderIds.length === 0) return [];
  const sequelize = await db();
  type Raw = { id: number; title: string; form: string; due_on: Day; period_start: Day; period_end: Day; rendered_on: Day | null; status: MomentStatus };
  const rows = await sequelize.query<Raw>(
    `SELECT m.id, o.title, o.form, m.due_on, m.period_start, m.period_end, m.rendered_on, ${STATUS} AS status
       FROM reporting_moments m JOIN obligations o ON o.id = m.obligation_id
      WHERE m.institution_id = :institutionId
        AND EXISTS (SELECT 1 FROM obligation_stakeholders os WHERE os.obligation_id = m.obligation_id AND os.stakeholder_id IN (:stakeholderIds))
        AND (${STATUS}) IN (:statuses)
      ORDER BY ${order}, m.id LIMIT :limit`,
    { replacements: { institutionId, stakeholderIds, statuses, today, limit: PORTAL_LIST_LIMIT }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({
    id: Number(r.id), title: r.title, form: r.form, dueOn: dayFromSql(r.due_on), periodStart: dayFromSql(r.period_start),
    periodEnd: dayFromSql(r.period_end), renderedOn: dayOrNullFromSql(r.rendered_on), status: r.status,
  }));
}

/**
 * What a portal contact sees: the person record of the link and nothing wider — their own details
 * and positions, the relationships of their own stakeholder, current organisations and households,
 * the agreements those stakeholders are party to (drafts are internal) and the reporting moments
 * owed to them. Every query is bounded by this person and this institution.
 */
export async function getPortalView(institutionId: number, personId: number, today: Day) {
  await db();
  const [person, institution] = await Promise.all([
    Person.findOne({ where: { id: personId, institutionId, erasedAt: null } }),
    Institution.findByPk(institutionId, { attributes: ['id', 'name'] }),
  ]);
  if (!person || !institution) return null;
  const [positions, stakeholders, proposals] = await Promise.all([
    Position.findAll({
      where: { institutionId, personId },
      include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name'] }],
      order: [['startsOn', 'DESC'], ['id', 'DESC']],
    }),
    relatedStakeholders(institutionId, personId, today),
    CorrectionProposal.findAll({ where: { institutionId, personId }, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: 10 }),
  ]);
  const stakeholderIds = stakeholders.map((s) => s.id);
  const [agreementLinks, upcoming, rendered] = await Promise.all([
    stakeholderIds.length
      ? AgreementParty.findAll({
        where: { stakeholderId: stakeholderIds },
        include: [{ model: Agreement, as: 'agreement', where: { institutionId, status: { [Op.ne]: 'draft' } } }],
        order: [[{ model: Agreement, as: 'agreement' }, 'startsOn', 'DESC'], ['id', 'ASC']],
      })
      : Promise.resolve([] as AgreementParty[]),
    momentsFor(institutionId, stakeholderIds, OPEN_STATUSES, 'm.due_on ASC', today),
    momentsFor(institutionId, stakeholderIds, ['rendered', 'rendered-late'], 'm.rendered_on DESC', today),
  ]);
  const agreements = new Map<number, { id: number; title: string; kind: string; direction: string; status: string; goals: string | null; startsOn: Day; endsOn: Day | null; with: string[] }>();
  for (const link of agreementLinks) {
    const a = link.get('agreement') as Agreement;
    const party = stakeholders.find((s) => s.id === link.stakeholderId)?.name ?? '';
    const existing = agreements.get(a.id);
    if (existing) existing.with.push(party);
    else agreements.set(a.id, { id: a.id, title: a.title, kind: a.kind, direction: a.direction, status: a.status, goals: a.goals, startsOn: a.startsOn, endsOn: a.endsOn, with: [party] });
  }
  return {
    institution: { name: institution.name },
    person: {
      displayName: displayNameOf(person),
      ...Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, person[f] ?? null])) as Record<CorrectableField, string | null>,
      source: person.source, legalBasis: person.legalBasis, lastVerifiedOn: person.lastVerifiedOn,
    },
    positions: positions.map((p) => ({
      id: p.id, title: p.title, organisation: (p.get('organisation') as Organisation).name, startsOn: p.startsOn, endsOn: p.endsOn,
      businessEmail: p.businessEmail, businessPhone: p.businessPhone, current: isPositionCurrent(p, today),
    })),
    relationships: stakeholders.map((s) => ({ id: s.id, name: s.name, category: s.category, status: s.status, via: s.via })),
    agreements: [...agreements.values()],
    moments: { upcoming, rendered },
    proposals: proposals.map((p) => ({
      id: p.id, status: p.status, fields: Object.keys(p.proposed ?? {}), createdAt: p.createdAt.toISOString(), reviewNote: p.reviewNote,
    })),
  };
}
export type PortalView = NonNullable<Awaited<ReturnType<typeof getPortalView>>>;
