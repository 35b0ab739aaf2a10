import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { changeAgreementStatus, createAgreement } from '~/modules/agreements/mutations.server';
import { recordRendering, setObligationActive } from '~/modules/obligations/mutations.server';
import { completeFollowUp } from '~/modules/stakeholders/engagement-mutations.server';
import * as dashboardRoute from '~/routes/_app.i.$institutionId._index';
import { ReportingMoment } from '~/utils/db.server';
import { makeMember, makeUser } from '../support/factories';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { makeObligation } from '../modules/obligations-fixtures';
import { engage, makeCast, makeOrganisation, makeOrganisationStakeholder, makePerson } from '../modules/stakeholders-fixtures';

/**
 * The institution dashboard through its loader, with real requests: what each role is shown is
 * counted from data written through the areas' mutations, and never includes another institution's.
 */

const TODAY = '2026-06-20';
const pinned = process.env.HORIZON_TODAY;

type Cast = Awaited<ReturnType<typeof makeCast>>;
let cast: Cast;
let outsider: { id: number };

type MomentItem = { id: number; dueOn: string; status: string; obligation: { title: string }; institutionId: number };
type Dashboard = {
  institution: { id: number };
  quickActions: boolean;
  year: number;
  stakeholders: { byTier: Record<string, number>; active: number };
  agreements: { byStatus: Record<string, number>; reviewsDue: number };
  obligations: { active: number };
  moments: { thisYear: Record<string, number>; overdue: MomentItem[]; overdueTotal: number; upcoming: MomentItem[] };
  followUps: { rows: { followUp: string; overdue: boolean }[]; total: number };
  reviews: { title: string; overdue: boolean }[];
  unverified: number;
};

async function dashboardOf(user: { id: number }, institutionId: number | string): Promise<Response> {
  const request = await signedInRequest(user, `/i/${institutionId}`);
  return responseOf(dashboardRoute.loader(routeArgs(request, { institutionId: String(institutionId) })));
}

async function dashboard(user: { id: number }, institution: { id: number }): Promise<Dashboard> {
  const response = await dashboardOf(user, institution.id);
  expect(response.status).toBe(200);
  return jsonOf<Dashboard>(response);
}

const once = (title: string, dueOn: string, extra: Record<string, unknown> = {}) =>
  ({ title, recurrence: { kind: 'once' as const }, startsOn: dueOn, leadTimeDays: 30, ...extra });

async function onlyMoment(obligationId: number) {
  const [moment] = await ReportingMoment.findAll({ where: { obligationId } });
  return moment!;
}

let renderedMomentId: number;

beforeAll(async () => {
  process.env.HORIZON_TODAY = TODAY;
  cast = await makeCast();
  const { college, corporation, secretary, otherSecretary } = cast;
  outsider = await makeMember(corporation, 'manager');

  // The college: three active stakeholders (A, A, B), a dormant C that is not counted.
  const municipality = await makeOrganisationStakeholder(college, 'Gemeente Vechtstad', { tier: 'a' });
  await makeOrganisationStakeholder(college, 'Studentenraad', { tier: 'a', category: 'client-representation' });
  await makeOrganisationStakeholder(college, 'Regionale werkgevers', { tier: 'b', category: 'field' });
  await makeOrganisationStakeholder(college, 'Oude partner', { tier: 'c', status: 'dormant', category: 'partner' });

  // Two parties nobody has confirmed (the stakeholders' own organisations are confirmed today).
  await makePerson(college, { givenName: 'Piet', familyName: 'Jansen', verified: false });
  await makeOrganisation(college, { name: 'Stichting Onbevestigd', verified: false });

  // Agreements: one active with its review overdue, one draft with a review in ten days, one active
  // without a review date, one draft with a review far off.
  const activeOverdueReview = await createAgreement(SYSTEM_ACTOR, {
    institutionId: college.id, title: 'Prestatieafspraken', kind: 'performance-agreement', direction: 'mutual',
    startsOn: '2026-01-01', reviewOn: '2026-06-01', stakeholderIds: [municipality.id],
  });
  await changeAgreementStatus(SYSTEM_ACTOR, { institutionId: college.id, agreementId: activeOverdueReview.id, status: 'active', version: 0 });
  await createAgreement(SYSTEM_ACTOR, {
    institutionId: college.id, title: 'Convenant stages', kind: 'covenant', direction: 'mutual',
    startsOn: '2026-01-01', reviewOn: '2026-06-30', stakeholderIds: [municipality.id],
  });
  const plainActive = await createAgreement(SYSTEM_ACTOR, {
    institutionId: college.id, title: 'Samenwerking', kind: 'cooperation', direction: 'mutual', startsOn: '2026-01-01', stakeholderIds: [municipality.id],
  });
  await changeAgreementStatus(SYSTEM_ACTOR, { institutionId: college.id, agreementId: plainActive.id, status: 'active', version: 0 });
  await createAgreement(SYSTEM_ACTOR, {
    institutionId: college.id, title: 'Later', kind: 'covenant', direction: 'mutual', startsOn: '2026-01-01', reviewOn: '2026-12-01', stakeholderIds: [municipality.id],
  });

  // Moments: overdue from last year and from this year, due soon, planned, rendered on time, and an
  // ended obligation (not counted as active).
  const who = { responsibleUserId: secretary.id };
  await makeObligation(college, { ...who, ...once('Jaarverslag 2024', '2025-11-01') }, '2025-01-01');
  await makeObligation(college, { ...who, ...once('Bod op de woonvisie', '2026-06-01'), stakeholderIds: [municipality.id] }, '2026-01-01');
  await makeObligation(college, { ...who, ...once('Jaarverslag 2025', '2026-06-30') }, '2026-01-01');
  await makeObligation(college, { ...who, ...once('Kwartaalrapportage', '2026-09-30') }, '2026-01-01');
  const rendered = await makeObligation(college, { ...who, ...once('Dialoogavond', '2026-05-15') }, '2026-01-01');
  renderedMomentId = (await onlyMoment(rendered.id)).id;
  await recordRendering(SYSTEM_ACTOR, { institutionId: college.id, momentId: renderedMomentId, renderedOn: '2026-05-10', version: 0 }, TODAY);
  const ended = await makeObligation(college, { ...who, ...once('Beëindigd', '2026-03-01') }, '2026-01-01');
  await setObligationActive(SYSTEM_ACTOR, { institutionId: college.id, obligationId: ended.id, active: false, version: 0 }, TODAY);

  // Follow-ups: one overdue, one without a due date, one done.
  await engage(college, { stakeholderIds: [municipality.id], followUp: 'Notulen sturen', followUpDueOn: '2026-06-10' });
  await engage(college, { stakeholderIds: [municipality.id], followUp: 'Bellen over stages' });
  const done = await engage(college, { stakeholderIds: [municipality.id], followUp: 'Afgerond', followUpDueOn: '2026-02-01' });
  await completeFollowUp(SYSTEM_ACTOR, { institutionId: college.id, engagementId: done.id });

  // The corporation: different numbers of everything, so a leak shows in either dashboard.
  const tenants = await makeOrganisationStakeholder(corporation, 'Huurdersvereniging', { tier: 'c', category: 'client-representation' });
  await makeOrganisationStakeholder(corporation, 'Gemeente Lekstad', { tier: 'c' });
  const corporationAgreement = await createAgreement(SYSTEM_ACTOR, {
    institutionId: corporation.id, title: 'Prestatieafspraken Lekstad', kind: 'performance-agreement', direction: 'mutual',
    startsOn: '2026-01-01', reviewOn: '2026-06-25', stakeholderIds: [tenants.id],
  });
  await changeAgreementStatus(SYSTEM_ACTOR, { institutionId: corporation.id, agreementId: corporationAgreement.id, status: 'active', version: 0 });
  await makeObligation(corporation, { responsibleUserId: otherSecretary.id, ...once('Bod', '2026-06-15') }, '2026-01-01');
  await engage(corporation, { stakeholderIds: [tenants.id], followUp: 'Reactie op het bod', followUpDueOn: '2026-07-01' });
  await makePerson(corporation, { givenName: 'Kees', familyName: 'Huurder', verified: false });
  await makePerson(corporation, { givenName: 'Els', familyName: 'Huurder', verified: false });
  await makePerson(corporation, { givenName: 'Bas', familyName: 'Huurder', verified: false });
});

afterAll(() => {
  if (pinned === undefined) delete process.env.HORIZON_TODAY;
  else process.env.HORIZON_TODAY = pinned;
});

describe('the college dashboard', () => {
  it.each(['secretary', 'manager', 'supervisor', 'admin'] as const)('a %s sees the college\'s counts', async (role) => {
    const data = await dashboard(cast[role], cast.college);
    expect(data.institution.id).toBe(cast.college.id);
    expect(data.stakeholders).toEqual({ byTier: { a: 2, b: 1, c: 0 }, active: 3 });
    expect(data.agreements.byStatus).toEqual({ draft: 2, active: 2, fulfilled: 0, terminated: 0, expired: 0 });
    // The active one overdue for review and the draft due in ten days; not the one in December.
    expect(data.agreements.reviewsDue).toBe(2);
    expect(data.reviews.map((r) => [r.title, r.overdue])).toEqual([['Prestatieafspraken', true], ['Convenant stages', false]]);
    expect(data.obligations.active).toBe(5);
    // Due in 2026: overdue (1 June), due soon (30 June), planned (30 September), rendered (15 May).
    // The ended obligation's moment of 1 March was past and unrendered, so it stayed: overdue too.
    expect(data.moments.thisYear).toEqual({ planned: 1, 'due-soon': 1, overdue: 2, rendered: 1, 'rendered-late': 0, waived: 0 });
    expect(data.moments.overdueTotal).toBe(3);
    expect(data.followUps.total).toBe(2);
    expect(data.followUps.rows.map((f) => [f.followUp, f.overdue])).toEqual([['Notulen sturen', true], ['Bellen over stages', false]]);
    expect(data.unverified).toBe(2);
  });

  it('lists the overdue moments oldest first and the next ones due; a rendered moment is in neither', async () => {
    const data = await dashboard(cast.secretary, cast.college);
    expect(data.moments.overdue.map((m) => [m.obligation.title, m.status])).toEqual([
      ['Jaarverslag 2024', 'overdue'], ['Beëindigd', 'overdue'], ['Bod op de woonvisie', 'overdue'],
    ]);
    expect(data.moments.upcoming.map((m) => [m.obligation.title, m.status])).toEqual([
      ['Jaarverslag 2025', 'due-soon'], ['Kwartaalrapportage', 'planned'],
    ]);
    const shown = [...data.moments.overdue, ...data.moments.upcoming];
    expect(shown.map((m) => m.id)).not.toContain(renderedMomentId);
    expect(shown.every((m) => m.institutionId === cast.college.id)).toBe(true);
  });

  it('offers quick actions to those who write, never to a supervisor', async () => {
    for (const role of ['secretary', 'manager', 'admin'] as const) {
      expect((await dashboard(cast[role], cast.college)).quickActions, role).toBe(true);
    }
    expect((await dashboard(cast.supervisor, cast.college)).quickActions).toBe(false);
  });
});

describe('another institution', () => {
  it('the corporation\'s dashboard counts only the corporation\'s data', async () => {
    const data = await dashboard(cast.otherSecretary, cast.corporation);
    expect(data.stakeholders).toEqual({ byTier: { a: 0, b: 0, c: 2 }, active: 2 });
    expect(data.agreements.byStatus.active).toBe(1);
    expect(data.agreements.reviewsDue).toBe(1);
    expect(data.reviews.map((r) => r.title)).toEqual(['Prestatieafspraken Lekstad']);
    expect(data.obligations.active).toBe(1);
    expect(data.moments.overdueTotal).toBe(1);
    expect(data.moments.overdue.map((m) => m.obligation.title)).toEqual(['Bod']);
    expect(data.moments.upcoming).toEqual([]);
    expect(data.followUps.rows.map((f) => f.followUp)).toEqual(['Reactie op het bod']);
    expect(data.unverified).toBe(3);
  });

  it('a member of the corporation only gets 404 for the college', async () => {
    for (const user of [cast.otherSecretary, outsider]) {
      expect((await dashboardOf(user, cast.college.id)).status).toBe(404);
    }
  });

  it('a user without any membership gets 404', async () => {
    const nobody = await makeUser();
    expect((await dashboardOf(nobody, cast.college.id)).status).toBe(404);
  });

  it.each(['999999', '0', '-1', 'abc', '1.5'])('an unknown or malformed institution id (%s) is 404, even for an admin', async (id) => {
    expect((await dashboardOf(cast.admin, id)).status).toBe(404);
    expect((await dashboardOf(cast.secretary, id)).status).toBe(404);
  });
});
