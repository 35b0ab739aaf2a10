import { beforeAll, describe, expect, it } from 'vitest';
import * as registerRoute from '~/routes/_app.i.$institutionId.stakeholders._index';
import * as newRoute from '~/routes/_app.i.$institutionId.stakeholders.new';
import * as mapRoute from '~/routes/_app.i.$institutionId.stakeholders.map';
import * as layoutRoute from '~/routes/_app.i.$institutionId.stakeholders.$stakeholderId';
import * as profileRoute from '~/routes/_app.i.$institutionId.stakeholders.$stakeholderId._index';
import * as interestsRoute from '~/routes/_app.i.$institutionId.stakeholders.$stakeholderId.interests';
import * as salienceRoute from '~/routes/_app.i.$institutionId.stakeholders.$stakeholderId.salience';
import * as engagementsTabRoute from '~/routes/_app.i.$institutionId.stakeholders.$stakeholderId.engagements';
import * as commitmentsRoute from '~/routes/_app.i.$institutionId.stakeholders.$stakeholderId.commitments';
import * as historyRoute from '~/routes/_app.i.$institutionId.stakeholders.$stakeholderId.history';
import * as newEngagementRoute from '~/routes/_app.i.$institutionId.engagements.new';
import * as engagementRoute from '~/routes/_app.i.$institutionId.engagements.$engagementId';
import * as engagementLogRoute from '~/routes/_app.i.$institutionId.engagements._index';
import * as interestsPageRoute from '~/routes/_app.i.$institutionId.interests';
import * as themesRoute from '~/routes/_app.i.$institutionId.themes';
import { Engagement, Interest, SalienceAssessment, Stakeholder, Theme } from '~/utils/db.server';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import {
  linkCommitments, makeCast, makeOrganisation, makeOrganisationStakeholder, makePerson, makePosition,
} from '../modules/stakeholders-fixtures';

type Cast = Awaited<ReturnType<typeof makeCast>>;
let cast: Cast;
let stakeholder: { id: number; organisationId: number };
let foreign: { id: number };

const params = (extra: Record<string, string> = {}) => ({ institutionId: String(cast.college.id), ...extra });
const path = (p: string) => `/i/${cast.college.id}${p}`;
type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

async function call(handler: Handler, user: { id: number }, url: string, extraParams: Record<string, string> = {}, form?: Record<string, unknown>) {
  const request = await signedInRequest(user, path(url), form ? { form: form as never } : {});
  return responseOf(handler(routeArgs(request, params(extraParams))));
}

beforeAll(async () => {
  cast = await makeCast();
  stakeholder = await makeOrganisationStakeholder(cast.college, 'Gemeente Route', { category: 'government', tier: 'a' });
  foreign = await makeOrganisationStakeholder(cast.corporation, 'Huurders Elders');
  await linkCommitments(cast.college, stakeholder);
});

describe('reading: every member of the institution, nobody else', () => {
  const pages: [string, Handler, string, (s: { id: number }) => Record<string, string>][] = [
    ['the register', registerRoute.loader as Handler, '/stakeholders', () => ({})],
    ['the map', mapRoute.loader as Handler, '/stakeholders/map', () => ({})],
    ['the stakeholder page', layoutRoute.loader as Handler, '/stakeholders/:id', (s) => ({ stakeholderId: String(s.id) })],
    ['the profile tab', profileRoute.loader as Handler, '/stakeholders/:id', (s) => ({ stakeholderId: String(s.id) })],
    ['the interests tab', interestsRoute.loader as Handler, '/stakeholders/:id/interests', (s) => ({ stakeholderId: String(s.id) })],
    ['the salience tab', salienceRoute.loader as Handler, '/stakeholders/:id/salience', (s) => ({ stakeholderId: String(s.id) })],
    ['the engagements tab', engagementsTabRoute.loader as Handler, '/stakeholders/:id/engagements', (s) => ({ stakeholderId: String(s.id) })],
    ['the commitments tab', commitmentsRoute.loader as Handler, '/stakeholders/:id/commitments', (s) => ({ stakeholderId: String(s.id) })],
    ['the history tab', historyRoute.loader as Handler, '/stakeholders/:id/history', (s) => ({ stakeholderId: String(s.id) })],
    ['the engagement log', engagementLogRoute.loader as Handler, '/engagements', () => ({})],
    ['the interests by theme', interestsPageRoute.loader as Handler, '/interests', () => ({})],
    ['the themes', themesRoute.loader as Handler, '/themes', () => ({})],
  ];

  it.each(pages)('%s: secretary, manager and supervisor 200; another institution’s secretary 404', async (_, loader, url, extra) => {
    const u = url.replace(':id', String(stakeholder.id));
    for (const user of [cast.secretary, cast.manager, cast.supervisor, cast.admin]) {
      expect((await call(loader, user, u, extra(stakeholder))).status).toBe(200);
    }
    expect((await call(loader, cast.otherSecretary, u, extra(stakeholder))).status).toBe(404);
  });

  it.each(pages.filter(([, , url]) => url.includes(':id')))('%s of another institution’s stakeholder is 404', async (_, loader, url, extra) => {
    expect((await call(loader, cast.secretary, url.replace(':id', String(foreign.id)), extra(foreign))).status).toBe(404);
    expect((await call(loader, cast.secretary, url.replace(':id', 'abc'), { stakeholderId: 'abc' })).status).toBe(404);
  });

  it('the commitments tab links the agreements and obligations of the stakeholder', async () => {
    const data = await jsonOf<{ agreements: { id: number; title: string }[]; obligations: { id: number; title: string }[] }>(
      await call(commitmentsRoute.loader as Handler, cast.supervisor, `/stakeholders/${stakeholder.id}/commitments`, { stakeholderId: String(stakeholder.id) }),
    );
    expect(data.agreements.map((a) => a.title)).toEqual(['Prestatieafspraken 2026']);
    expect(data.obligations.map((o) => o.title)).toEqual(['Jaarverslag']);
  });
});

describe('writing: secretaries and managers; a supervisor gets 403 and nothing is written', () => {
  it('adds a party of the directory as a stakeholder', async () => {
    const organisation = await makeOrganisation(cast.college, { name: 'Waterschap Route' });
    const form = { partyKind: 'organisation', partyId: organisation.id, category: 'government', tier: 'b', tierRationale: 'Dijkversterking naast de campus', status: 'active' };
    const refused = await call(newRoute.action as Handler, cast.supervisor, '/stakeholders/new', {}, form);
    expect(refused.status).toBe(403);
    expect(await Stakeholder.count({ where: { organisationId: organisation.id } })).toBe(0);

    const created = await call(newRoute.action as Handler, cast.secretary, '/stakeholders/new', {}, form);
    expect(created.status).toBe(302);
    const row = await Stakeholder.findOne({ where: { organisationId: organisation.id } });
    expect(created.headers.get('Location')).toBe(path(`/stakeholders/${row!.id}`));
    expect(row).toMatchObject({ name: 'Waterschap Route', tier: 'b', tierRationale: 'Dijkversterking naast de campus' });
  });

  it('answers a party of another institution, named in the form, with 404', async () => {
    const elsewhere = await makeOrganisation(cast.corporation, { name: 'Elders BV' });
    const response = await call(newRoute.action as Handler, cast.secretary, '/stakeholders/new', {}, { partyKind: 'organisation', partyId: elsewhere.id, category: 'partner', tier: 'c', status: 'active' });
    expect(response.status).toBe(404);
    expect(await Stakeholder.count({ where: { organisationId: elsewhere.id } })).toBe(0);
    expect((await call(newRoute.loader as Handler, cast.secretary, `/stakeholders/new?kind=organisation&partyId=${elsewhere.id}`)).status).toBe(404);
  });

  it.each([
    [{ power: '7' }, { power: 'stakeholders:errors.scale' }],
    [{ power: '0', interest: 'x' }, { power: 'stakeholders:errors.scale', interest: 'stakeholders:errors.scale' }],
    [{ assessedOn: '2999-01-01' }, { assessedOn: 'stakeholders:errors.futureDate' }],
    [{ assessedOn: '2026-02-30' }, { assessedOn: 'common:errors.invalidDate' }],
  ])('refuses the assessment %j at the field, keeps the input, writes nothing', async (overrides, errors) => {
    const before = await SalienceAssessment.count();
    const form = { assessedOn: '2026-01-10', power: '4', interest: '3', note: 'Typed note', ...overrides };
    const response = await call(salienceRoute.action as Handler, cast.secretary, `/stakeholders/${stakeholder.id}/salience`, { stakeholderId: String(stakeholder.id) }, form);
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors).toEqual(errors);
    expect(body.values).toMatchObject({ note: 'Typed note', ...overrides });
    expect(await SalienceAssessment.count()).toBe(before);
  });

  it('records an assessment and the register shows its quadrant; a supervisor cannot', async () => {
    const form = { assessedOn: '2026-01-10', power: '4', interest: '2', legitimacy: 'on' };
    const url = `/stakeholders/${stakeholder.id}/salience`;
    const p = { stakeholderId: String(stakeholder.id) };
    expect((await call(salienceRoute.action as Handler, cast.supervisor, url, p, form)).status).toBe(403);
    expect((await call(salienceRoute.action as Handler, cast.secretary, url, p, form)).status).toBe(302);
    expect(await Stakeholder.findByPk(stakeholder.id)).toMatchObject({ quadrant: 'keep-satisfied', mitchellClass: 'dominant' });
    const register = await jsonOf<{ rows: { id: number }[] }>(await call(registerRoute.loader as Handler, cast.supervisor, '/stakeholders?quadrant=keep-satisfied'));
    expect(register.rows.map((r) => r.id)).toContain(stakeholder.id);
  });

  it('adds an interest and refuses a theme of another institution as 404', async () => {
    const url = `/stakeholders/${stakeholder.id}/interests`;
    const p = { stakeholderId: String(stakeholder.id) };
    const theme = await Theme.create({ institutionId: cast.corporation.id, name: 'Elders' });
    const refused = await call(interestsRoute.action as Handler, cast.secretary, url, p, { intent: 'create-interest', title: 'Bereikbaarheid', priority: 'high', status: 'active', themeId: theme.id });
    expect(refused.status).toBe(404);
    const created = await call(interestsRoute.action as Handler, cast.secretary, url, p, { intent: 'create-interest', title: 'Bereikbaarheid', priority: 'high', status: 'active' });
    expect(created.status).toBe(302);
    expect(await Interest.count({ where: { stakeholderId: stakeholder.id, title: 'Bereikbaarheid' } })).toBe(1);
    expect((await call(interestsRoute.action as Handler, cast.supervisor, url, p, { intent: 'create-interest', title: 'X', priority: 'low', status: 'active' })).status).toBe(403);
  });

  it('keeps themes for managers only', async () => {
    expect((await call(themesRoute.action as Handler, cast.secretary, '/themes', {}, { intent: 'create-theme', name: 'Onderwijskwaliteit' })).status).toBe(403);
    expect((await call(themesRoute.action as Handler, cast.manager, '/themes', {}, { intent: 'create-theme', name: 'Onderwijskwaliteit' })).status).toBe(302);
    expect(await Theme.count({ where: { institutionId: cast.college.id, name: 'Onderwijskwaliteit' } })).toBe(1);
  });
});

describe('the engagement log through its pages', () => {
  it('records a contact with a participant in a position, and a follow-up that can be ticked off', async () => {
    const person = await makePerson(cast.college, { givenName: 'Wim', familyName: 'Route' });
    const position = await makePosition(cast.college, person, { id: stakeholder.organisationId }, 'Wethouder');
    const form = {
      occurredOn: '2026-01-12', channel: 'meeting', direction: 'outbound', subject: 'Bestuurlijk overleg', summary: 'Afspraken over stageplaatsen',
      stakeholderIds: [stakeholder.id], participants: [`position:${position.id}`], followUp: 'Verslag sturen', followUpDueOn: '2026-01-19',
      followUpOwnerUserId: cast.manager.id,
    };
    expect((await call(newEngagementRoute.action as Handler, cast.supervisor, '/engagements/new', {}, form)).status).toBe(403);
    const created = await call(newEngagementRoute.action as Handler, cast.secretary, '/engagements/new', {}, form);
    expect(created.status).toBe(302);
    const engagement = await Engagement.findOne({ where: { subject: 'Bestuurlijk overleg' } });
    expect(created.headers.get('Location')).toBe(path(`/engagements/${engagement!.id}`));

    const back = path(`/stakeholders/${stakeholder.id}/engagements`);
    const ep = { engagementId: String(engagement!.id) };
    expect((await call(engagementRoute.action as Handler, cast.supervisor, `/engagements/${engagement!.id}`, ep, { intent: 'complete-follow-up', back })).status).toBe(403);
    const done = await call(engagementRoute.action as Handler, cast.secretary, `/engagements/${engagement!.id}`, ep, { intent: 'complete-follow-up', back });
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe(back);
    expect((await Engagement.findByPk(engagement!.id))!.followUpDoneOn).not.toBeNull();
  });

  it('refuses a stakeholder of another institution in the form as 404, and bad input at the field', async () => {
    const before = await Engagement.count();
    const base = { occurredOn: '2026-01-12', channel: 'phone', direction: 'inbound', subject: 'Telefoon' };
    const foreignResponse = await call(newEngagementRoute.action as Handler, cast.secretary, '/engagements/new', {}, { ...base, stakeholderIds: [foreign.id] });
    expect(foreignResponse.status).toBe(404);
    const bad = await call(newEngagementRoute.action as Handler, cast.secretary, '/engagements/new', {}, { ...base, channel: 'pigeon', stakeholderIds: [] });
    expect(bad.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(bad)).errors).toEqual({
      channel: 'common:errors.invalidChoice', stakeholderIds: 'stakeholders:errors.stakeholdersRequired',
    });
    const followUp = await call(newEngagementRoute.action as Handler, cast.secretary, '/engagements/new', {}, {
      ...base, stakeholderIds: [stakeholder.id], followUpDueOn: '2026-01-01', followUpOwnerUserId: cast.manager.id,
    });
    expect(followUp.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(followUp)).errors).toEqual({
      followUp: 'stakeholders:errors.followUpMissing', followUpDueOn: 'stakeholders:errors.dueBeforeContact',
    });
    expect(await Engagement.count()).toBe(before);
  });

  it('another institution’s engagement is 404, also for ticking off', async () => {
    const other = await makeOrganisationStakeholder(cast.corporation, 'Ander Overleg');
    const theirs = await Engagement.create({
      institutionId: cast.corporation.id, occurredOn: '2026-01-01', channel: 'email', direction: 'inbound', subject: 'Hun zaak', summary: null,
      followUp: 'Iets', followUpOwnerUserId: null, followUpDueOn: null, followUpDoneOn: null, recordedByUserId: null,
    });
    void other;
    const ep = { engagementId: String(theirs.id) };
    expect((await call(engagementRoute.loader as Handler, cast.secretary, `/engagements/${theirs.id}`, ep)).status).toBe(404);
    expect((await call(engagementRoute.action as Handler, cast.secretary, `/engagements/${theirs.id}`, ep, { intent: 'complete-follow-up' })).status).toBe(404);
    expect((await Engagement.findByPk(theirs.id))!.followUpDoneOn).toBeNull();
  });
});
