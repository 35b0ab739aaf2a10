import { countReviewsComingDue, listReviewsComingDue, type ReviewComingDue } from '~/modules/agreements/queries.server';
import { AGREEMENT_STATUSES, type AgreementStatus } from '~/modules/agreements/rules';
import { getYearState, isCodeInForce, summariseYearStatements, type YearState } from '~/modules/governance/queries.server';
import type { StatusCounts } from '~/modules/governance/rules';
import { countMomentsByStatus, listDashboardMoments, type MomentRow } from '~/modules/obligations/queries.server';
import type { MomentStatus } from '~/modules/obligations/rules';
import { countUnverified } from '~/modules/parties/queries.server';
import { countOverdueRequests, countPendingCorrections, listOverdueRequests, type RequestRow } from '~/modules/privacy/queries.server';
import { listOpenFollowUps, type OpenFollowUp } from '~/modules/stakeholders/engagement-queries.server';
import { TIERS, type Tier } from '~/modules/stakeholders/rules';
import { selectCount, selectRows } from '~/utils/db.server';
import { endOfYearDay, startOfYearDay, yearOf, type Day } from '~/utils/dates';

/** How far ahead a review counts as coming due on the dashboard. */
export const REVIEW_WINDOW_DAYS = 30;
/** How many rows each dashboard list shows; the counts beside them link to the whole list. */
export const DASHBOARD_LIST_LIMIT = 8;

export type InstitutionDashboard = {
  today: Day;
  year: number;
  /** Active stakeholders (status `active`) per tier, and their total. */
  stakeholders: { byTier: Record<Tier, number>; active: number };
  agreements: { byStatus: Record<AgreementStatus, number>; reviewsDue: number };
  obligations: { active: number };
  moments: {
    /** Moments due this calendar year, per derived status. */
    thisYear: Record<MomentStatus, number>;
    overdue: MomentRow[];
    overdueTotal: number;
    upcoming: MomentRow[];
  };
  followUps: { rows: OpenFollowUp[]; total: number };
  reviews: ReviewComingDue[];
  unverified: number;
  compliance: ComplianceCard;
  privacy: PrivacyCard;
};

/** The governance code this calendar year: whether it applies, how far the statements are, what needs a look. */
export type ComplianceCard = {
  /** A code version is adopted for (part of) the year and itself valid in it: the year can be opened. */
  adopted: boolean;
  /** Null while the year has not been opened; `locked` once a manager approved it. */
  state: YearState | null;
  counts: StatusCounts;
  statements: number;
  share: number | null;
  review: number;
  flagged: number;
};

/** Data-subject requests past their deadline, the longest overdue first, and portal corrections waiting. */
export type PrivacyCard = { overdue: RequestRow[]; overdueTotal: number; pendingCorrections: number };

/** `SELECT key, COUNT(*) … GROUP BY key` as a map from key to count, every key present. */
async function countBy<K extends string>(sql: string, replacements: Record<string, unknown>, keys: readonly K[]): Promise<Record<K, number>> {
  const rows = await selectRows<{ k: string; n: number | string }>(sql, replacements);
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const row of rows) if ((keys as readonly string[]).includes(row.k)) counts[row.k as K] = Number(row.n);
  return counts;
}

/**
 * Everything the institution dashboard shows, for one institution: counts grouped in SQL, the short
 * lists limited in SQL, all queries started at once. Nothing here reads another institution's rows.
 * Plain statements rather than model calls: the page runs some twenty of them on every view.
 */
export async function getInstitutionDashboard(institutionId: number, today: Day): Promise<InstitutionDashboard> {
  const year = yearOf(today);
  const [
    byTier, byStatus, reviewsDue, activeObligations, thisYear, moments, followUps, reviews, unverified,
    codeInForce, yearState, statements, overdueRequests, overdueRequestsTotal, pendingCorrections,
  ] = await Promise.all([
    countBy("SELECT tier AS k, COUNT(*) AS n FROM stakeholders WHERE institution_id = :institutionId AND status = 'active' GROUP BY tier", { institutionId }, TIERS),
    countBy('SELECT status AS k, COUNT(*) AS n FROM agreements WHERE institution_id = :institutionId GROUP BY status', { institutionId }, AGREEMENT_STATUSES),
    countReviewsComingDue(institutionId, today, REVIEW_WINDOW_DAYS),
    selectCount('SELECT COUNT(*) AS n FROM obligations WHERE institution_id = :institutionId AND active = :active', { institutionId, active: true }),
    countMomentsByStatus(institutionId, { from: startOfYearDay(year), to: endOfYearDay(year) }, today),
    listDashboardMoments(institutionId, today, DASHBOARD_LIST_LIMIT),
    listOpenFollowUps(institutionId, DASHBOARD_LIST_LIMIT),
    listReviewsComingDue(institutionId, today, REVIEW_WINDOW_DAYS, DASHBOARD_LIST_LIMIT),
    countUnverified(institutionId),
    isCodeInForce(institutionId, year),
    getYearState(institutionId, year),
    summariseYearStatements(institutionId, year, today),
    listOverdueRequests(institutionId, today, DASHBOARD_LIST_LIMIT),
    countOverdueRequests(institutionId, today),
    countPendingCorrections(institutionId),
  ]);
  return {
    today,
    year,
    stakeholders: { byTier, active: TIERS.reduce((sum, tier) => sum + byTier[tier], 0) },
    agreements: { byStatus, reviewsDue },
    obligations: { active: activeObligations },
    moments: { thisYear, ...moments },
    followUps,
    reviews,
    unverified,
    compliance: { adopted: codeInForce, state: yearState, ...statements },
    privacy: { overdue: overdueRequests, overdueTotal: overdueRequestsTotal, pendingCorrections },
  };
}
