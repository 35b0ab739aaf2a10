import { listAttachments } from '~/modules/obligations/attachments.server';
import { listMemberOptions, listStakeholderOptions } from '~/modules/obligations/people.server';
import { Agreement, AgreementParty, dayFromSql, db, Obligation, Op, selectCount, selectRows, Stakeholder, User, type WhereOptions } from '~/utils/db.server';
import { addDays, compareDays, type Day } from '~/utils/dates';
import { likePattern, type ListParams, type Page } from '~/utils/list-params';
import type { AgreementFilters, AgreementSort } from './schema';
import type { AgreementDirection, AgreementKind, AgreementStatus } from './rules';

export type AgreementRow = {
  id: number;
  title: string;
  kind: AgreementKind;
  direction: AgreementDirection;
  status: AgreementStatus;
  startsOn: Day;
  endsOn: Day | null;
  reviewOn: Day | null;
  ownerName: string | null;
  parties: { id: number; name: string }[];
};

const SORT_COLUMNS: Record<AgreementSort, string> = {
  title: 'title', startsOn: 'startsOn', endsOn: 'endsOn', reviewOn: 'reviewOn', status: 'status',
};

const toRow = (a: Agreement, parties: { id: number; name: string }[]): AgreementRow => ({
  id: a.id,
  title: a.title,
  kind: a.kind as AgreementKind,
  direction: a.direction as AgreementDirection,
  status: a.status as AgreementStatus,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  reviewOn: a.reviewOn,
  ownerName: (a.get('owner') as User | null)?.name ?? null,
  parties,
});

/** The parties of some agreements, by agreement, names in order. */
async function partiesOf(agreementIds: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const map = new Map<number, { id: number; name: string }[]>();
  if (agreementIds.length === 0) return map;
  const links = await AgreementParty.findAll({
    where: { agreementId: { [Op.in]: agreementIds } },
    include: [{ model: Stakeholder, as: 'stakeholder', attributes: ['id', 'name'] }],
    order: [[{ model: Stakeholder, as: 'stakeholder' }, 'name', 'ASC']],
  });
  for (const link of links) {
    const stakeholder = link.get('stakeholder') as Stakeholder;
    map.set(link.agreementId, [...(map.get(link.agreementId) ?? []), { id: stakeholder.id, name: stakeholder.name }]);
  }
  return map;
}

/** One institution's agreements, filtered, sorted and paged in SQL. */
export async function listAgreements(institutionId: number, filters: AgreementFilters, params: ListParams<AgreementSort>): Promise<Page<AgreementRow>> {
  const sequelize = await db();
  const where: Record<string | symbol, unknown> = { institutionId };
  if (filters.status) where.status = filters.status;
  if (filters.kind) where.kind = filters.kind;
  if (params.q) where.title = { [Op.like]: likePattern(params.q) };
  if (filters.stakeholderId) {
    where.id = {
      [Op.in]: sequelize.literal(`(SELECT agreement_id FROM agreement_parties WHERE stakeholder_id = ${Number(filters.stakeholderId)})`),
    };
  }
  const direction = params.dir.toUpperCase();
  const { rows, count } = await Agreement.findAndCountAll({
    where: where as WhereOptions<Agreement>,
    include: [{ model: User, as: 'owner', attributes: ['name'] }],
    order: [[SORT_COLUMNS[params.sort], direction], ['id', direction]],
    limit: params.perPage,
    offset: params.offset,
  });
  const parties = await partiesOf(rows.map((r) => r.id));
  return { total: count, rows: rows.map((r) => toRow(r, parties.get(r.id) ?? [])) };
}

/** One agreement of this institution with its parties, obligations and documents; null for another's id. */
export async function getAgreement(institutionId: number, agreementId: number) {
  const agreement = await Agreement.findOne({
    where: { id: agreementId, institutionId },
    include: [{ model: User, as: 'owner', attributes: ['id', 'name'] }],
  });
  if (!agreement) return null;
  const [parties, obligations, documents] = await Promise.all([
    partiesOf([agreement.id]),
    Obligation.findAll({
      where: { institutionId, agreementId },
      attributes: ['id', 'title', 'form', 'active', 'startsOn', 'endsOn'],
      order: [['title', 'ASC']],
    }),
    listAttachments({ institutionId, agreementId }),
  ]);
  return {
    ...toRow(agreement, parties.get(agreement.id) ?? []),
    goals: agreement.goals,
    ownerUserId: agreement.ownerUserId,
    version: agreement.version,
    obligations: obligations.map((o) => ({ id: o.id, title: o.title, form: o.form, active: o.active, startsOn: o.startsOn, endsOn: o.endsOn })),
    documents,
  };
}
export type AgreementDetail = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;

/** What an obligation may hang under: the institution's agreements with their terms, drafts and live ones first. */
export async function listAgreementOptions(institutionId: number) {
  const rows = await Agreement.findAll({
    where: { institutionId },
    attributes: ['id', 'title', 'status', 'startsOn', 'endsOn'],
    order: [['title', 'ASC'], ['id', 'ASC']],
  });
  return rows.map((a) => ({ id: a.id, title: a.title, status: a.status as AgreementStatus, startsOn: a.startsOn, endsOn: a.endsOn }));
}

// Draft and live agreements whose review date is past or within the window (plain statements: the dashboard runs both on every view).
const REVIEWS_COMING_DUE = "FROM agreements WHERE institution_id = :institutionId AND status IN ('draft', 'active') AND review_on <= :until";

/** How many agreements listReviewsComingDue would list without its limit. */
export function countReviewsComingDue(institutionId: number, today: Day, days = 30): Promise<number> {
  return selectCount(`SELECT COUNT(*) AS n ${REVIEWS_COMING_DUE}`, { institutionId, until: addDays(today, days) });
}

export type ReviewComingDue = { id: number; title: string; reviewOn: Day; status: AgreementStatus; overdue: boolean };

/**
 * For the dashboard: draft and active agreements whose review date is past or within `days` from
 * today, the earliest first.
 */
export async function listReviewsComingDue(institutionId: number, today: Day, days = 30, limit = 20): Promise<ReviewComingDue[]> {
  const rows = await selectRows<{ id: number; title: string; review_on: string | Date; status: AgreementStatus }>(
    `SELECT id, title, review_on, status ${REVIEWS_COMING_DUE} ORDER BY review_on, id LIMIT :limit`,
    { institutionId, until: addDays(today, days), limit },
  );
  return rows.map((a) => {
    const reviewOn = dayFromSql(a.review_on);
    return { id: Number(a.id), title: a.title, reviewOn, status: a.status, overdue: compareDays(reviewOn, today) < 0 };
  });
}

/** What the agreement form offers: the institution's stakeholders and members. */
export async function getAgreementFormOptions(institutionId: number) {
  const [stakeholders, members] = await Promise.all([listStakeholderOptions(institutionId), listMemberOptions(institutionId)]);
  return { stakeholders, members };
}
