import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, userActor } from '~/modules/audit/actor';
import { changeAgreementStatus, createAgreement } from '~/modules/agreements/mutations.server';
import { complianceLinks, privacyLinks } from '~/modules/dashboard/links';
import { adoptCode, approveYear, copyFromLastYear, openYear, saveStatement } from '~/modules/governance/mutations.server';
import type { StatementStatus } from '~/modules/governance/rules';
import { recordRendering, setObligationActive } from '~/modules/obligations/mutations.server';
import { closeRequest, logRequest, openPortalLink, proposeCorrection, rejectCorrection, sendPortalLink, startRequest } from '~/modules/privacy/mutations.server';
import { completeFollowUp } from '~/modules/stakeholders/engagement-mutations.server';
import * as dashboardRoute from '~/routes/_app.i.$institutionId._index';
import * as complianceYearRoute from '~/routes/_app.i.$institutionId.compliance.$year._index';
import * as privacyCorrectionsRoute from '~/routes/_app.i.$institutionId.privacy.corrections';
import * as privacyRequestsRoute from '~/routes/_app.i.$institutionId.privacy._index';
import * as privacyRequestRoute from '~/routes/_app.i.$institutionId.privacy.requests.$requestId';
import { ComplianceStatement, ComplianceYear, DataSubjectRequest, ReportingMoment, User } from '~/utils/db.server';
import { makeInstitution, makeMember, makeUser } from '../support/factories';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { EXPLANATION, importTestCode } from '../modules/compliance-fixtures';
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
  mayAdopt: boolean;
  compliance: {
    adopted: boolean;
    state: { locked: boolean; approvedAt: string | null; approvedBy: string | null } | null;
    counts: Record<StatementStatus, number>;
    statements: number;
    share: number | null;
    review: number;
    flagged: number;
  };
  privacy: {
    overdue: { id: number; kind: string; requester: string; effectiveDueOn: string; overdue: boolean }[];
    overdueTotal: number;
    pendingCorrections: number;
  };
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

/** Follows a link from the dashboard: the page's own loader, called with that URL, as the user. */
async function follow<T>(user: { id: number }, loader: (args: ReturnType<typeof routeArgs>) => unknown, path: string, params: Record<string, string>): Promise<T> {
  const response = await responseOf(loader(routeArgs(await signedInRequest(user, path), params)));
  expect(response.status, path).toBe(200);
  return jsonOf<T>(response);
}

const once = (title: string, dueOn: string, extra: Record<string, unknown> = {}) =>
  ({ title, recurrence: { kind: 'once' as const }, startsOn: dueOn, leadTimeDays: 30, ...extra });

async function onlyMoment(obligationId: number) {
  const [moment] = await ReportingMoment.findAll({ where: { obligationId } });
  return moment!;
}

let renderedMomentId: number;

const YEAR = 2026;
type Code = Awaited<ReturnType<typeof importTestCode>>;
let code: Code;
/** An institution with members but no governance code adopted. */
let unadopted: { id: number };
let unadoptedManager: { id: number };
let unadoptedSecretary: { id: number };
const requests: Record<'longOverdue' | 'overdueInProgress' | 'notYetDue' | 'closedLate' | 'corporationOverdue', number> = {} as never;

/** Saves one statement of the year through the compliance mutation, as the statement form does. */
async function declare(
  institution: { id: number }, year: number, target: { provisionId: number } | { principleId: number }, status: StatementStatus, explanation?: string,
) {
  const statement = await ComplianceStatement.findOne({ where: { institutionId: institution.id, year, ...target } });
  await saveStatement(SYSTEM_ACTOR, { institutionId: institution.id, statementId: statement!.id, status, explanation, version: statement!.version });
}

async function requestVersion(requestId: number): Promise<number> {
  return (await DataSubjectRequest.findByPk(requestId))!.version;
}

/** A person of the institution who follows a portal link and proposes `count` corrections to their name. */
async function proposeCorrections(institution: { id: number }, who: { givenName: string; familyName: string; email: string }, count: number) {
  const person = await makePerson(institution, who);
  const { link } = await sendPortalLink(SYSTEM_ACTOR, { institutionId: institution.id, personId: person.id, address: { kind: 'private' } }, TODAY);
  const opened = await openPortalLink(link.split('/portal/')[1]!);
  if (opened.state !== 'valid') throw new Error(`portal link ${opened.state}`);
  const ids: number[] = [];
  for (let i = 1; i <= count; i++) {
    const contact = { linkId: opened.linkId, institutionId: institution.id, personId: person.id };
    ids.push((await proposeCorrection(contact, { givenName: `${who.givenName}${i}`, familyName: who.familyName, message: `Correctie ${i}` })).id);
  }
  return ids;
}

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

  // The governance code, adopted by both. The college opened 2025 (1.1 complies, principle 2
  // explains) and started 2026 from it: every statement copied is marked to be reviewed. Then in
  // 2026 it reviewed 1.2 (partially) and principle 2 (explains, too briefly: flagged); 1.1 still
  // says complies without any evidence (flagged) and 1.3 is still not assessed, both unreviewed.
  code = await importTestCode();
  const provision = (number: string) => ({ provisionId: code.provisionIds[number]! });
  const bare = { principleId: code.principleIds['2']! };
  for (const institution of [college, corporation]) {
    await adoptCode(SYSTEM_ACTOR, { institutionId: institution.id, codeId: code.codeId, adoptedFrom: '2020-01-01' });
  }
  await openYear(SYSTEM_ACTOR, { institutionId: college.id, year: YEAR - 1 });
  await declare(college, YEAR - 1, provision('1.1'), 'complies');
  await declare(college, YEAR - 1, bare, 'explains', EXPLANATION);
  await copyFromLastYear(SYSTEM_ACTOR, { institutionId: college.id, year: YEAR });
  await declare(college, YEAR, provision('1.2'), 'partially', EXPLANATION);
  await declare(college, YEAR, bare, 'explains', 'Te klein.');

  // The corporation assessed everything and its manager approved 2026: complies three times (no
  // evidence, so flagged three times), principle 2 not applicable.
  await openYear(SYSTEM_ACTOR, { institutionId: corporation.id, year: YEAR });
  await declare(corporation, YEAR, provision('1.1'), 'complies');
  await declare(corporation, YEAR, provision('1.2'), 'complies', EXPLANATION);
  await declare(corporation, YEAR, provision('1.3'), 'complies');
  await declare(corporation, YEAR, bare, 'not-applicable', EXPLANATION);
  const corporationYear = await ComplianceYear.findOne({ where: { institutionId: corporation.id, year: YEAR } });
  const approver = (await User.findByPk(outsider.id))!;
  await approveYear(userActor(approver), { institutionId: corporation.id, year: YEAR, version: corporationYear!.version });

  // A third institution that has not adopted any code.
  unadopted = await makeInstitution({ name: 'Zorggroep Zonder Code', sector: 'healthcare' });
  unadoptedManager = await makeMember(unadopted, 'manager');
  unadoptedSecretary = await makeMember(unadopted, 'secretary');

  // Data-subject requests of the college (a month to answer): received 1 April (due 1 May, open),
  // received 10 May (due 10 June, taken on but not answered), received 1 June (due 1 July), and
  // one received 1 March that was answered late but is closed: only the first two are overdue.
  const log = async (institution: { id: number }, requester: string, kind: 'access' | 'erasure' | 'rectification', receivedOn: string) =>
    (await logRequest(SYSTEM_ACTOR, { institutionId: institution.id, requester, kind, receivedOn }, TODAY)).id;
  requests.longOverdue = await log(college, 'Mevrouw Ouderdom', 'access', '2026-04-01');
  requests.overdueInProgress = await log(college, 'Meneer Bezig', 'erasure', '2026-05-10');
  await startRequest(SYSTEM_ACTOR, { institutionId: college.id, requestId: requests.overdueInProgress, version: await requestVersion(requests.overdueInProgress) });
  requests.notYetDue = await log(college, 'Mevrouw Optijd', 'rectification', '2026-06-01');
  requests.closedLate = await log(college, 'Meneer Afgerond', 'access', '2026-03-01');
  await closeRequest(SYSTEM_ACTOR, {
    institutionId: college.id, requestId: requests.closedLate, status: 'completed', outcome: 'Inzage verstrekt.', closedOn: '2026-04-15',
    version: await requestVersion(requests.closedLate),
  }, TODAY);
  requests.corporationOverdue = await log(corporation, 'Huurder Wachtlang', 'access', '2026-02-01');

  // Corrections from the portal: the college has one waiting (a second was rejected), the corporation two.
  const [, rejected] = await proposeCorrections(college, { givenName: 'Karel', familyName: 'Correctie', email: 'karel.correctie@example.nl' }, 2);
  await rejectCorrection(SYSTEM_ACTOR, { institutionId: college.id, proposalId: rejected!, reason: 'Niet onderbouwd.' });
  await proposeCorrections(corporation, { givenName: 'Hanna', familyName: 'Huurder', email: 'hanna.huurder@example.nl' }, 2);
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

describe('the governance code this year', () => {
  it.each(['secretary', 'manager', 'supervisor', 'admin'] as const)('a %s sees the college\'s 2026 statements as saved through the compliance mutations', async (role) => {
    const { compliance } = await dashboard(cast[role], cast.college);
    expect(compliance.adopted).toBe(true);
    expect(compliance.state).toMatchObject({ locked: false, approvedAt: null });
    expect(compliance.counts).toEqual({ complies: 1, partially: 1, explains: 1, 'not-applicable': 0, 'not-assessed': 1 });
    expect(compliance.statements).toBe(4);
    // (1 complies + ½ partially) ÷ 4 statements: this year's, not 2025's 1 ÷ 4.
    expect(compliance.share).toBe(0.375);
    // 1.1 and 1.3 still carry last year's mark; 1.1 complies without evidence, principle 2's explanation is too short.
    expect(compliance.review).toBe(2);
    expect(compliance.flagged).toBe(2);
  });

  it('each figure opens the year\'s overview filtered to exactly those statements, and the overview has the same share', async () => {
    const { compliance } = await dashboard(cast.secretary, cast.college);
    const links = complianceLinks(cast.college.id, YEAR);
    const params = { institutionId: String(cast.college.id), year: String(YEAR) };
    type Overview = { shares: { share: number | null }; rows: { target: { number: string } }[] };
    const numbers = async (path: string) => (await follow<Overview>(cast.secretary, complianceYearRoute.loader, path, params)).rows.map((r) => r.target.number);
    const overview = await follow<Overview>(cast.secretary, complianceYearRoute.loader, links.overview, params);
    expect(overview.shares.share).toBe(compliance.share);
    expect(overview.rows).toHaveLength(compliance.statements);
    expect(await numbers(links.review)).toEqual(['1.1', '1.3']);
    expect(await numbers(links.flagged)).toEqual(['1.1', '2']);
    expect(await numbers(links.notAssessed)).toEqual(['1.3']);
  });

  it('the corporation\'s approved year shows as locked with its approver, and counts only the corporation\'s statements', async () => {
    const approver = (await User.findByPk(outsider.id))!;
    const { compliance } = await dashboard(cast.otherSecretary, cast.corporation);
    expect(compliance.state).toMatchObject({ locked: true, approvedBy: approver.name });
    expect(compliance.counts).toEqual({ complies: 3, partially: 0, explains: 0, 'not-applicable': 1, 'not-assessed': 0 });
    expect(compliance.share).toBe(1);
    expect(compliance.flagged).toBe(3);
    expect(compliance.review).toBe(0);
  });

  it('without an adopted code the card is empty, and only a manager is offered to adopt one', async () => {
    const asManager = await dashboard(unadoptedManager, unadopted);
    expect(asManager.compliance).toEqual({
      adopted: false, state: null, counts: { complies: 0, partially: 0, explains: 0, 'not-applicable': 0, 'not-assessed': 0 },
      statements: 0, share: null, review: 0, flagged: 0,
    });
    expect(asManager.mayAdopt).toBe(true);
    expect((await dashboard(unadoptedSecretary, unadopted)).mayAdopt).toBe(false);
    expect((await dashboard(cast.secretary, cast.college)).mayAdopt).toBe(false);
    expect((await dashboard(cast.supervisor, cast.college)).mayAdopt).toBe(false);
  });
});

describe('data-subject requests past their deadline', () => {
  it.each(['secretary', 'manager', 'supervisor', 'admin'] as const)('a %s sees the college\'s overdue requests, longest overdue first, and the corrections waiting', async (role) => {
    const { privacy } = await dashboard(cast[role], cast.college);
    expect(privacy.overdueTotal).toBe(2);
    expect(privacy.overdue.map((r) => [r.id, r.kind, r.requester, r.effectiveDueOn, r.overdue])).toEqual([
      [requests.longOverdue, 'access', 'Mevrouw Ouderdom', '2026-05-01', true],
      [requests.overdueInProgress, 'erasure', 'Meneer Bezig', '2026-06-10', true],
    ]);
    // One proposal waits; the rejected one does not.
    expect(privacy.pendingCorrections).toBe(1);
  });

  it('the count opens the request log filtered to the same requests, each request its own page, the corrections their list; a supervisor only reads them', async () => {
    const links = privacyLinks(cast.college.id);
    const institutionId = String(cast.college.id);
    const { privacy } = await dashboard(cast.secretary, cast.college);
    for (const user of [cast.secretary, cast.supervisor]) {
      const writes = user === cast.secretary;
      const log = await follow<{ total: number; rows: { id: number }[] }>(user, privacyRequestsRoute.loader, links.overdue, { institutionId });
      expect(log.total).toBe(privacy.overdueTotal);
      expect(log.rows.map((r) => r.id)).toEqual(privacy.overdue.map((r) => r.id));
      for (const item of privacy.overdue) {
        const page = await follow<{ request: { id: number; overdue: boolean }; can: { write: boolean } }>(
          user, privacyRequestRoute.loader, links.request(item.id), { institutionId, requestId: String(item.id) },
        );
        expect(page.request).toMatchObject({ id: item.id, overdue: true });
        expect(page.can.write).toBe(writes);
      }
      const corrections = await follow<{ total: number; can: { write: boolean } }>(user, privacyCorrectionsRoute.loader, links.corrections, { institutionId });
      expect(corrections.total).toBe(privacy.pendingCorrections);
      expect(corrections.can.write).toBe(writes);
    }
    // Nothing on the supervisor's dashboard starts a record.
    const asSupervisor = await dashboard(cast.supervisor, cast.college);
    expect([asSupervisor.quickActions, asSupervisor.mayAdopt]).toEqual([false, false]);
  });

  it('the corporation\'s dashboard counts only its own requests and corrections, and the college\'s request pages are 404 to its members', async () => {
    const { privacy } = await dashboard(cast.otherSecretary, cast.corporation);
    expect(privacy.overdueTotal).toBe(1);
    expect(privacy.overdue.map((r) => r.id)).toEqual([requests.corporationOverdue]);
    expect(privacy.pendingCorrections).toBe(2);
    const { privacy: college } = await dashboard(cast.secretary, cast.college);
    expect(college.overdue.map((r) => r.id)).not.toContain(requests.corporationOverdue);
    const path = privacyLinks(cast.college.id).request(requests.longOverdue);
    const response = await responseOf(privacyRequestRoute.loader(routeArgs(await signedInRequest(cast.otherSecretary, path), {
      institutionId: String(cast.college.id), requestId: String(requests.longOverdue),
    })));
    expect(response.status).toBe(404);
  });

  it('an institution without overdue requests shows none', async () => {
    const { privacy } = await dashboard(unadoptedManager, unadopted);
    expect(privacy).toEqual({ overdue: [], overdueTotal: 0, pendingCorrections: 0 });
  });
});
