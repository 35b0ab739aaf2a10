import { literal } from 'sequelize';
import { containsText } from '~/modules/parties/sql.server';
import { personDisplayName } from '~/modules/parties/rules';
import {
  Engagement, EngagementInterest, EngagementParticipant, EngagementStakeholder, Interest, Op, Organisation, Person, Position,
  Stakeholder, User, type WhereOptions, dayFromSql, dayOrNullFromSql, selectCount, selectRows,
} from '~/utils/db.server';
import { today } from '~/utils/dates';
import type { Page } from '~/utils/list-params';
import { listInterestOptions, listOwnerOptions, listStakeholderOptions } from './queries.server';
import type { FOLLOW_UP_FILTERS } from './schema';

export type EngagementParticipantView = {
  personId: number; name: string; positionId: number | null; positionTitle: string | null;
  organisationId: number | null; organisationName: string | null;
};

export type EngagementRow = {
  id: number; occurredOn: string; channel: string; direction: string; subject: string; summary: string | null;
  followUp: string | null; followUpDueOn: string | null; followUpDoneOn: string | null; followUpOwnerName: string | null;
  stakeholders: { id: number; name: string }[];
  participants: EngagementParticipantView[];
};

// The stakeholders through the link rows (hasMany + belongsTo), not the belongsToMany alias: that
// one's nested join makes SQLite materialise every institution's links before it looks any up.
const STAKEHOLDERS_INCLUDE = {
  model: EngagementStakeholder, as: 'stakeholderLinks', attributes: ['id', 'stakeholderId'],
  include: [{ model: Stakeholder, as: 'stakeholder', attributes: ['id', 'name'] }],
};

const stakeholdersOf = (e: Engagement) =>
  ((e.get('stakeholderLinks') as EngagementStakeholder[] | undefined) ?? [])
    .map((link) => link.get('stakeholder') as Stakeholder)
    .map((s) => ({ id: s.id, name: s.name }))
    .sort((a, b) => a.name.localeCompare(b.name));

const ENGAGEMENT_INCLUDE = [
  { model: User, as: 'followUpOwner', attributes: ['id', 'name'] },
  STAKEHOLDERS_INCLUDE,
  {
    model: EngagementParticipant, as: 'participants',
    include: [
      { model: Person, as: 'person' },
      { model: Position, as: 'position', include: [{ model: Organisation, as: 'organisation', attributes: ['id', 'name'] }] },
    ],
  },
];

function participantView(p: EngagementParticipant): EngagementParticipantView {
  const position = p.get('position') as Position | null;
  const organisation = position?.get('organisation') as Organisation | undefined;
  return {
    personId: p.personId, name: personDisplayName(p.get('person') as Person), positionId: position?.id ?? null,
    positionTitle: position?.title ?? null, organisationId: organisation?.id ?? null, organisationName: organisation?.name ?? null,
  };
}

function engagementRow(e: Engagement): EngagementRow {
  const participants = (e.get('participants') as EngagementParticipant[] | undefined) ?? [];
  return {
    id: e.id, occurredOn: e.occurredOn, channel: e.channel, direction: e.direction, subject: e.subject, summary: e.summary,
    followUp: e.followUp, followUpDueOn: e.followUpDueOn, followUpDoneOn: e.followUpDoneOn,
    followUpOwnerName: (e.get('followUpOwner') as User | null)?.name ?? null,
    stakeholders: stakeholdersOf(e),
    participants: participants.map(participantView).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export type EngagementFilters = { stakeholderId?: number; followUp?: (typeof FOLLOW_UP_FILTERS)[number]; channel?: string };

/**
 * Ids of this page's engagements first (filtered, ordered and paged in SQL), then their links in
 * one more query: paging a join of many-to-many links would page the links, not the contacts.
 */
export async function listEngagements(
  institutionId: number,
  filters: EngagementFilters,
  params: { q?: string; perPage: number; offset: number; dir: 'asc' | 'desc' },
): Promise<Page<EngagementRow>> {
  const where: Record<string | symbol, unknown> = { institutionId };
  const and: unknown[] = [];
  if (filters.channel) where.channel = filters.channel;
  if (filters.stakeholderId) {
    and.push(literal(`"Engagement"."id" IN (SELECT engagement_id FROM engagement_stakeholders WHERE stakeholder_id = ${Number(filters.stakeholderId)})`));
  }
  if (filters.followUp === 'open' || filters.followUp === 'overdue') {
    where.followUp = { [Op.ne]: null };
    where.followUpDoneOn = null;
    if (filters.followUp === 'overdue') where.followUpDueOn = { [Op.lt]: today() };
  }
  if (filters.followUp === 'done') where.followUpDoneOn = { [Op.ne]: null };
  if (params.q) {
    and.push({ [Op.or]: [containsText('"Engagement"."subject"', params.q), containsText('"Engagement"."summary"', params.q)] });
  }
  if (and.length) where[Op.and] = and;
  const direction = params.dir.toUpperCase();
  const { rows: ids, count } = await Engagement.findAndCountAll({
    where: where as WhereOptions<Engagement>,
    attributes: ['id'],
    order: [['occurredOn', direction], ['id', direction]],
    limit: params.perPage,
    offset: params.offset,
  });
  if (ids.length === 0) return { rows: [], total: count };
  const rows = await Engagement.findAll({
    where: { id: ids.map((r) => r.id) },
    include: ENGAGEMENT_INCLUDE,
    order: [['occurredOn', direction], ['id', direction]],
  });
  return { rows: rows.map(engagementRow), total: count };
}

/** The contacts on a stakeholder's timeline: linked to it, or (for an organisation) with someone acting in a position there. */
export async function listStakeholderEngagements(institutionId: number, stakeholderId: number, limit = 200): Promise<EngagementRow[]> {
  const stakeholder = await Stakeholder.findOne({ where: { id: stakeholderId, institutionId }, attributes: ['id', 'organisationId'] });
  if (!stakeholder) return [];
  const sources = [`SELECT engagement_id FROM engagement_stakeholders WHERE stakeholder_id = ${stakeholder.id}`];
  if (stakeholder.organisationId) {
    sources.push(`SELECT ep.engagement_id FROM engagement_participants ep JOIN positions p ON p.id = ep.position_id WHERE p.organisation_id = ${stakeholder.organisationId}`);
  }
  const ids = await Engagement.findAll({
    where: { institutionId, [Op.and]: [literal(`"Engagement"."id" IN (${sources.join(' UNION ')})`)] },
    attributes: ['id'],
    order: [['occurredOn', 'DESC'], ['id', 'DESC']],
    limit,
  });
  if (ids.length === 0) return [];
  const rows = await Engagement.findAll({ where: { id: ids.map((r) => r.id) }, include: ENGAGEMENT_INCLUDE, order: [['occurredOn', 'DESC'], ['id', 'DESC']] });
  return rows.map(engagementRow);
}

export async function getEngagement(institutionId: number, engagementId: number) {
  const engagement = await Engagement.findOne({
    where: { id: engagementId, institutionId },
    include: [...ENGAGEMENT_INCLUDE, { model: User, as: 'recordedBy', attributes: ['id', 'name'] }],
  });
  if (!engagement) return null;
  const interests = await EngagementInterest.findAll({
    where: { engagementId },
    include: [{ model: Interest, as: 'interest', include: [{ model: Stakeholder, as: 'stakeholder', attributes: ['id', 'name'] }] }],
    order: [['id', 'ASC']],
  });
  return {
    ...engagementRow(engagement),
    version: engagement.version,
    followUpOwnerUserId: engagement.followUpOwnerUserId,
    recordedBy: (engagement.get('recordedBy') as User | null)?.name ?? null,
    interests: interests.map((link) => {
      const interest = link.get('interest') as Interest;
      const stakeholder = interest.get('stakeholder') as Stakeholder;
      return { id: interest.id, title: interest.title, stakeholderId: stakeholder.id, stakeholderName: stakeholder.name };
    }),
  };
}

export type OpenFollowUp = {
  engagementId: number; subject: string; followUp: string; dueOn: string | null; overdue: boolean; occurredOn: string;
  ownerUserId: number | null; ownerName: string | null; stakeholders: { id: number; name: string }[];
};

/** The open follow-ups of an institution: a follow-up is set and not yet ticked off. */
const OPEN_FOLLOW_UP = 'e.institution_id = :institutionId AND e.follow_up IS NOT NULL AND e.follow_up_done_on IS NULL';

/**
 * Follow-ups not yet ticked off, the earliest due first (undated last) — for the dashboard and the
 * engagement log. Plain rows in three statements (the page, the count, the page's stakeholders): the
 * partial index on (institution_id, follow_up_due_on) serves the first two.
 */
export async function listOpenFollowUps(institutionId: number, limit = 10): Promise<{ rows: OpenFollowUp[]; total: number }> {
  const [rows, total] = await Promise.all([
    selectRows<{
      id: number; subject: string; follow_up: string; follow_up_due_on: string | Date | null; occurred_on: string | Date;
      follow_up_owner_user_id: number | null; owner_name: string | null;
    }>(
      `SELECT e.id, e.subject, e.follow_up, e.follow_up_due_on, e.occurred_on, e.follow_up_owner_user_id, u.name AS owner_name
       FROM engagements e LEFT JOIN users u ON u.id = e.follow_up_owner_user_id WHERE ${OPEN_FOLLOW_UP}
       ORDER BY CASE WHEN e.follow_up_due_on IS NULL THEN 1 ELSE 0 END, e.follow_up_due_on, e.occurred_on, e.id LIMIT :limit`,
      { institutionId, limit },
    ),
    countOpenFollowUps(institutionId),
  ]);
  if (rows.length === 0) return { rows: [], total };
  const links = await selectRows<{ engagement_id: number; id: number; name: string }>(
    `SELECT es.engagement_id, s.id, s.name FROM engagement_stakeholders es JOIN stakeholders s ON s.id = es.stakeholder_id
     WHERE es.engagement_id IN (:ids)`,
    { ids: rows.map((r) => r.id) },
  );
  const day = today();
  return {
    total,
    rows: rows.map((e) => {
      const dueOn = dayOrNullFromSql(e.follow_up_due_on);
      return {
        engagementId: Number(e.id), subject: e.subject, followUp: e.follow_up, dueOn, overdue: dueOn !== null && dueOn < day,
        occurredOn: dayFromSql(e.occurred_on), ownerUserId: e.follow_up_owner_user_id === null ? null : Number(e.follow_up_owner_user_id),
        ownerName: e.owner_name,
        stakeholders: links.filter((l) => Number(l.engagement_id) === Number(e.id))
          .map((l) => ({ id: Number(l.id), name: l.name }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    }),
  };
}

/** How many follow-ups are open. */
export function countOpenFollowUps(institutionId: number): Promise<number> {
  return selectCount(`SELECT COUNT(*) AS n FROM engagements e WHERE ${OPEN_FOLLOW_UP}`, { institutionId });
}

export type ParticipantOption = { value: string; label: string; group: string | null };

/**
 * Who can take part in a contact: people in their current positions (grouped by organisation, so
 * the contact lands on that organisation's timeline) and every active person in a private capacity.
 */
export async function listParticipantOptions(institutionId: number): Promise<ParticipantOption[]> {
  const day = today();
  const [positions, persons] = await Promise.all([
    Position.findAll({
      where: {
        institutionId,
        [Op.and]: [
          { [Op.or]: [{ startsOn: null }, { startsOn: { [Op.lte]: day } }] },
          { [Op.or]: [{ endsOn: null }, { endsOn: { [Op.gte]: day } }] },
        ],
      },
      include: [
        { model: Person, as: 'person', where: { active: true } },
        { model: Organisation, as: 'organisation', attributes: ['id', 'name'] },
      ],
      order: [[literal('"organisation"."name"'), 'ASC'], [literal('"person"."family_name"'), 'ASC'], ['id', 'ASC']],
      limit: 2000,
    }),
    Person.findAll({ where: { institutionId, active: true }, order: [['familyName', 'ASC'], ['givenName', 'ASC'], ['id', 'ASC']], limit: 2000 }),
  ]);
  return [
    ...positions.map((p) => ({
      value: `position:${p.id}`,
      label: `${personDisplayName(p.get('person') as Person)} — ${p.title}`,
      group: (p.get('organisation') as Organisation).name,
    })),
    ...persons.map((p) => ({ value: `person:${p.id}`, label: personDisplayName(p), group: null })),
  ];
}

/** Everything the "record a contact" form offers. */
export async function engagementFormOptions(institutionId: number) {
  const [stakeholders, participants, interests, owners] = await Promise.all([
    listStakeholderOptions(institutionId),
    listParticipantOptions(institutionId),
    listInterestOptions(institutionId),
    listOwnerOptions(institutionId),
  ]);
  return { stakeholders, participants, interests, owners };
}

/** Links of one engagement, for its edit form. */
export async function getEngagementLinks(engagementId: number) {
  const [stakeholders, participants, interests] = await Promise.all([
    EngagementStakeholder.findAll({ where: { engagementId }, attributes: ['stakeholderId'] }),
    EngagementParticipant.findAll({ where: { engagementId }, attributes: ['personId', 'positionId'] }),
    EngagementInterest.findAll({ where: { engagementId }, attributes: ['interestId'] }),
  ]);
  return {
    stakeholderIds: stakeholders.map((s) => String(s.stakeholderId)),
    participants: participants.map((p) => (p.positionId ? `position:${p.positionId}` : `person:${p.personId}`)),
    interestIds: interests.map((i) => String(i.interestId)),
  };
}
