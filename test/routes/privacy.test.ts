import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as indexRoute from '~/routes/_app.i.$institutionId.privacy._index';
import * as newRequestRoute from '~/routes/_app.i.$institutionId.privacy.requests.new';
import * as requestRoute from '~/routes/_app.i.$institutionId.privacy.requests.$requestId';
import * as personRoute from '~/routes/_app.i.$institutionId.privacy.persons.$personId';
import * as accessRoute from '~/routes/_app.i.$institutionId.privacy.persons.$personId_.access';
import * as accessJsonRoute from '~/routes/_app.i.$institutionId.privacy.persons.$personId_.access[.]json';
import * as correctionsRoute from '~/routes/_app.i.$institutionId.privacy.corrections';
import * as portalLinkRoute from '~/routes/portal.$token';
import * as portalRoute from '~/routes/portal._index';
import { startPortalSession } from '~/modules/privacy/portal-session.server';
import { AuditEvent, CorrectionProposal, DataSubjectRequest, MailMessage, Person, PortalLink } from '~/utils/db.server';
import { today } from '~/utils/dates';
import { isPublicRoute } from '~/utils/public-routes';
import { makePrivacyWorld, type PrivacyWorld } from '../modules/privacy-fixtures';
import { anonymousRequest, buildRequest, cookiesFrom, jsonOf, responseOf, routeArgs, signedInRequest, type FormInput } from '../support/requests';

let world: PrivacyWorld;

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

async function call(handler: Handler, user: { id: number }, institution: { id: number }, url: string, params: Record<string, string> = {}, form?: FormInput) {
  const request = await signedInRequest(user, `/i/${institution.id}${url}`, form ? { form } : {});
  return responseOf(handler(routeArgs(request, { institutionId: String(institution.id), ...params })));
}

beforeAll(async () => {
  world = await makePrivacyWorld();
});

describe('the request log', () => {
  it('is read by every role of the institution, and by no one else (404)', async () => {
    const { college, secretary, manager, supervisor, admin, otherSecretary } = world;
    for (const user of [secretary, manager, supervisor, admin]) {
      expect((await call(indexRoute.loader as Handler, user, college, '/privacy')).status).toBe(200);
    }
    expect((await call(indexRoute.loader as Handler, otherSecretary, college, '/privacy')).status).toBe(404);
  });

  it('a secretary logs a request; the deadline is one month on, clamped to the month end', async () => {
    const { college, secretary, jantje } = world;
    const response = await call(newRequestRoute.action as Handler, secretary, college, '/privacy/requests/new', {}, {
      kind: 'access', personId: jantje.person.id, receivedOn: '2026-01-31',
    });
    expect(response.status).toBe(302);
    const request = await DataSubjectRequest.findOne({ where: { institutionId: college.id, personId: jantje.person.id, kind: 'access' } });
    expect(request).toMatchObject({ requester: jantje.person.fullName, receivedOn: '2026-01-31', dueOn: '2026-02-28', status: 'open' });
    expect(response.headers.get('Location')).toBe(`/i/${college.id}/privacy/requests/${request!.id}`);
    expect(await AuditEvent.count({ where: { entity: 'data-subject-request', entityId: String(request!.id), action: 'create' } })).toBe(1);
  });

  it.each([
    [{ kind: 'access', receivedOn: '2026-01-10' }, { requester: 'privacy:requests.requesterRequired' }],
    [{ kind: 'complaint', requester: 'X', receivedOn: '2026-01-10' }, { kind: 'common:errors.invalidChoice' }],
    [{ kind: 'access', requester: 'X', receivedOn: '31-01-2026' }, { receivedOn: 'common:errors.invalidDate' }],
  ])('refuses %j at the field (400), keeps the input, writes nothing', async (form, errors) => {
    const { college, secretary } = world;
    const before = await DataSubjectRequest.count();
    const response = await call(newRequestRoute.action as Handler, secretary, college, '/privacy/requests/new', {}, form);
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors).toMatchObject(errors);
    expect(body.values).toMatchObject(form);
    expect(await DataSubjectRequest.count()).toBe(before);
  });

  it('refuses a request received in the future, next to the field', async () => {
    const { college, secretary } = world;
    const response = await call(newRequestRoute.action as Handler, secretary, college, '/privacy/requests/new', {}, { kind: 'access', requester: 'X', receivedOn: '2099-01-01' });
    expect(response.status).toBe(422);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors).toEqual({ receivedOn: 'privacy:requests.receivedInFuture' });
  });

  it('a supervisor reads a request but may not log, extend or close one (403)', async () => {
    const { college, supervisor, secretary } = world;
    const { id } = await logged(secretary, { kind: 'objection', requester: 'Buurtvereniging' });
    expect((await call(requestRoute.loader as Handler, supervisor, college, `/privacy/requests/${id}`, { requestId: String(id) })).status).toBe(200);
    expect((await call(newRequestRoute.loader as Handler, supervisor, college, '/privacy/requests/new')).status).toBe(403);
    expect((await call(requestRoute.action as Handler, supervisor, college, `/privacy/requests/${id}`, { requestId: String(id) }, { intent: 'close', status: 'completed', outcome: 'x', closedOn: today(), version: 0 })).status).toBe(403);
  });

  it('another institution\'s request is not there (404), also under one\'s own institution', async () => {
    const { college, corporation, secretary, otherSecretary } = world;
    const { id } = await logged(secretary, { kind: 'access', requester: 'Iemand' });
    expect((await call(requestRoute.loader as Handler, otherSecretary, college, `/privacy/requests/${id}`, { requestId: String(id) })).status).toBe(404);
    expect((await call(requestRoute.loader as Handler, otherSecretary, corporation, `/privacy/requests/${id}`, { requestId: String(id) })).status).toBe(404);
  });

  it('extends once within the first month with a reason, then closes with an outcome', async () => {
    const { college, secretary } = world;
    const receivedOn = today();
    const { id } = await logged(secretary, { kind: 'access', requester: 'Complex verzoek', receivedOn });
    const at = `/privacy/requests/${id}`;
    const params = { requestId: String(id) };
    const noReason = await call(requestRoute.action as Handler, secretary, college, at, params, { intent: 'extend', reason: '', version: 0 });
    expect(noReason.status).toBe(400);
    expect((await call(requestRoute.action as Handler, secretary, college, at, params, { intent: 'extend', reason: 'Veel stukken', version: 0 })).status).toBe(302);
    const extended = await DataSubjectRequest.findByPk(id);
    expect(extended).toMatchObject({ extensionReason: 'Veel stukken', extendedTo: (await import('~/utils/dates')).addMonths(receivedOn, 3) });
    const again = await call(requestRoute.action as Handler, secretary, college, at, params, { intent: 'extend', reason: 'Nog eens', version: extended!.version });
    expect(again.status).toBe(409);

    const noOutcome = await call(requestRoute.action as Handler, secretary, college, at, params, { intent: 'close', status: 'completed', outcome: '', closedOn: today(), version: extended!.version });
    expect((await jsonOf<{ errors: Record<string, string> }>(noOutcome)).errors).toEqual({ outcome: 'common:errors.required' });
    const closed = await call(requestRoute.action as Handler, secretary, college, at, params, { intent: 'close', status: 'completed', outcome: 'Overzicht verstuurd', closedOn: today(), version: extended!.version });
    expect(closed.status).toBe(302);
    expect(await DataSubjectRequest.findByPk(id)).toMatchObject({ status: 'completed', outcome: 'Overzicht verstuurd', closedOn: today(), handledByUserId: secretary.id });
  });

  it('lists overdue requests through the URL filter, in SQL', async () => {
    const { college, secretary } = world;
    const { id } = await logged(secretary, { kind: 'erasure', requester: 'Te laat', receivedOn: '2025-01-10' });
    const response = await call(indexRoute.loader as Handler, secretary, college, '/privacy?state=overdue&sort=dueOn');
    const body = await jsonOf<{ rows: { id: number; overdue: boolean }[]; overdue: number }>(response);
    expect(body.rows.map((r) => r.id)).toContain(id);
    expect(body.rows.every((r) => r.overdue)).toBe(true);
    expect(body.overdue).toBeGreaterThanOrEqual(1);
  });
});

async function logged(user: { id: number }, form: FormInput) {
  const response = await call(newRequestRoute.action as Handler, user, world.college, '/privacy/requests/new', {}, { receivedOn: '2026-01-10', ...form });
  expect(response.status).toBe(302);
  return { id: Number(response.headers.get('Location')!.split('/').pop()) };
}

describe('the access report', () => {
  it('as JSON holds the person, their positions, the contacts they took part in and the audit of their data; the export is audited', async () => {
    const { college, secretary, jantje } = world;
    const response = await call(accessJsonRoute.loader as Handler, secretary, college, `/privacy/persons/${jantje.person.id}/access.json`, { personId: String(jantje.person.id) });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="person-\d+-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = await jsonOf<{
      person: { email: string; source: string; legalBasis: string };
      positions: { title: string; businessEmail: string }[];
      engagements: { id: number; subject: string }[];
      stakeholderRelationships: { id: number; via: string }[];
      audit: { entity: string; action: string; entityId: string }[];
    }>(response);
    expect(data.person).toMatchObject({ email: jantje.person.email, source: 'Visitekaartje', legalBasis: 'legitimate-interests' });
    expect(data.positions).toEqual([expect.objectContaining({ title: 'Wethouder onderwijs', businessEmail: jantje.person.businessEmail })]);
    expect(data.engagements).toEqual([expect.objectContaining({ id: jantje.engagement.id, subject: `Overleg met ${jantje.person.fullName}` })]);
    expect(data.stakeholderRelationships).toEqual([expect.objectContaining({ id: jantje.stakeholder.id, via: 'position' })]);
    expect(data.audit).toEqual(expect.arrayContaining([
      expect.objectContaining({ entity: 'person', entityId: String(jantje.person.id), action: 'create' }),
      expect.objectContaining({ entity: 'position', entityId: String(jantje.position.id), action: 'create' }),
    ]));
    expect(await AuditEvent.findOne({ where: { entity: 'person', entityId: String(jantje.person.id), action: 'export' }, order: [['id', 'DESC']] }))
      .toMatchObject({ actorUserId: secretary.id, changes: { format: [null, 'json'] } });
  });

  it('the readable page is audited too', async () => {
    const { college, manager, jantje } = world;
    expect((await call(accessRoute.loader as Handler, manager, college, `/privacy/persons/${jantje.person.id}/access`, { personId: String(jantje.person.id) })).status).toBe(200);
    expect(await AuditEvent.count({ where: { entity: 'person', entityId: String(jantje.person.id), action: 'export', actorUserId: manager.id } })).toBe(1);
  });

  it('is compiled by those who handle requests: a supervisor gets 403, another institution 404', async () => {
    const { college, corporation, supervisor, otherSecretary, jantje } = world;
    const params = { personId: String(jantje.person.id) };
    expect((await call(accessJsonRoute.loader as Handler, supervisor, college, `/privacy/persons/${jantje.person.id}/access.json`, params)).status).toBe(403);
    expect((await call(accessJsonRoute.loader as Handler, otherSecretary, college, `/privacy/persons/${jantje.person.id}/access.json`, params)).status).toBe(404);
    expect((await call(accessJsonRoute.loader as Handler, otherSecretary, corporation, `/privacy/persons/${jantje.person.id}/access.json`, params)).status).toBe(404);
  });
});

describe('legal hold and erasure on a person\'s privacy page', () => {
  const at = () => `/privacy/persons/${world.pieter.person.id}`;
  const params = () => ({ personId: String(world.pieter.person.id) });

  it('a supervisor reads the page; erasing is the manager\'s alone (supervisor and secretary 403)', async () => {
    const { college, supervisor, secretary } = world;
    expect((await call(personRoute.loader as Handler, supervisor, college, at(), params())).status).toBe(200);
    for (const user of [supervisor, secretary]) {
      expect((await call(personRoute.action as Handler, user, college, at(), params(), { intent: 'erase', confirm: true })).status).toBe(403);
      expect((await call(personRoute.action as Handler, user, college, at(), params(), { intent: 'legal-hold', reason: 'x' })).status).toBe(403);
    }
    expect(await Person.findByPk(world.pieter.person.id)).toMatchObject({ erasedAt: null, legalHold: null });
  });

  it('under a legal hold the erasure is refused with the reason said (409), and nothing is erased', async () => {
    const { college, manager, pieter } = world;
    expect((await call(personRoute.action as Handler, manager, college, at(), params(), { intent: 'legal-hold', reason: 'Procedure bij de rechtbank' })).status).toBe(302);
    const refused = await call(personRoute.action as Handler, manager, college, at(), params(), { intent: 'erase', confirm: true });
    expect(refused.status).toBe(409);
    expect((await jsonOf<{ formError: string }>(refused)).formError).toBe('privacy:erase.legalHold');
    expect(await Person.findByPk(pieter.person.id)).toMatchObject({ email: pieter.person.email, erasedAt: null });
  });

  it('without the confirmation nothing happens (400); lifted and confirmed, the manager erases', async () => {
    const { college, manager, pieter } = world;
    expect((await call(personRoute.action as Handler, manager, college, at(), params(), { intent: 'lift-legal-hold' })).status).toBe(302);
    const unconfirmed = await call(personRoute.action as Handler, manager, college, at(), params(), { intent: 'erase' });
    expect(unconfirmed.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(unconfirmed)).errors).toEqual({ confirm: 'privacy:erase.confirmRequired' });
    expect(await Person.findByPk(pieter.person.id)).toMatchObject({ erasedAt: null });

    const erased = await call(personRoute.action as Handler, manager, college, at(), params(), { intent: 'erase', confirm: true });
    expect(erased.status).toBe(302);
    const person = await Person.findByPk(pieter.person.id);
    expect(person).toMatchObject({ email: null, givenName: null, familyName: `[erased #${pieter.person.id}]` });
    expect(await AuditEvent.count({ where: { entity: 'person', entityId: String(pieter.person.id), action: 'erase', actorUserId: manager.id } })).toBe(1);
    const events = await AuditEvent.findAll({ where: { institutionId: college.id } });
    expect(JSON.stringify(events.map((e) => e.changes)).toLowerCase()).not.toMatch(/ooievaar|pieter/);
  });

  it('another institution\'s manager cannot reach the person (404)', async () => {
    const { college, corporation, jantje } = world;
    const otherManager = await (await import('../support/factories')).makeMember(corporation, 'manager');
    const p = { personId: String(jantje.person.id) };
    expect((await call(personRoute.action as Handler, otherManager, corporation, `/privacy/persons/${jantje.person.id}`, p, { intent: 'erase', confirm: true })).status).toBe(404);
    expect((await call(personRoute.loader as Handler, otherManager, college, `/privacy/persons/${jantje.person.id}`, p)).status).toBe(404);
    expect(await Person.findByPk(jantje.person.id)).toMatchObject({ erasedAt: null });
  });
});

// ---------------------------------------------------------------- the portal

const portal = {
  landing: (token: string, method: 'GET' | 'POST' = 'GET') => {
    const request = anonymousRequest(`/portal/${token}`, method === 'POST' ? { method: 'POST', form: {} } : {});
    return responseOf((method === 'POST' ? portalLinkRoute.action : portalLinkRoute.loader)(routeArgs(request, { token }) as never));
  },
  view: (cookie?: string) => responseOf(portalRoute.loader(routeArgs(buildRequest('/portal', { cookie })) as never)),
  act: (cookie: string, form: FormInput) => responseOf(portalRoute.action(routeArgs(buildRequest('/portal', { cookie, form })) as never)),
};

async function sendLink(personId: number, address = 'private') {
  const { college, secretary } = world;
  const response = await call(personRoute.action as Handler, secretary, college, `/privacy/persons/${personId}`, { personId: String(personId) }, { intent: 'send-link', address });
  expect(response.status).toBe(302);
  const mail = await MailMessage.findOne({ where: { kind: 'portal-link' }, order: [['id', 'DESC']] });
  return { mail: mail!, token: /\/portal\/([A-Za-z0-9_-]+)/.exec(mail!.textBody)![1]! };
}

async function openedSession(personId: number) {
  const { token } = await sendLink(personId);
  const opened = await portal.landing(token, 'POST');
  expect(opened.status).toBe(302);
  return { token, cookie: cookiesFrom(opened) };
}

describe('the portal link', () => {
  it('is public (listed), mailed to the chosen address and stored only as a hash', async () => {
    expect(isPublicRoute('routes/portal.$token') && isPublicRoute('routes/portal._index')).toBe(true);
    const { jantje } = world;
    const { mail, token } = await sendLink(jantje.person.id, `position-${jantje.position.id}`);
    expect(mail.toAddress).toBe(jantje.person.businessEmail);
    const link = await PortalLink.findOne({ where: { personId: jantje.person.id }, order: [['id', 'DESC']] });
    expect(link!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(await PortalLink.count({ where: { tokenHash: token } })).toBe(0);
    expect(JSON.stringify(link!.get({ plain: true }))).not.toContain(token);
  });

  it('a forged token: 404 with a clear page', async () => {
    const response = await portal.landing('not-a-real-token');
    expect(response.status).toBe(404);
    expect(await jsonOf(response)).toEqual({ state: 'forged' });
  });

  it('following it does not spend it; continuing does, once — then 410 "used"', async () => {
    const { token } = await sendLink(world.jantje.person.id);
    expect((await portal.landing(token)).status).toBe(200);
    expect((await portal.landing(token)).status).toBe(200);
    const opened = await portal.landing(token, 'POST');
    expect(opened.status).toBe(302);
    expect(opened.headers.get('Location')).toBe('/portal');
    const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('__horizon_portal='));
    expect(cookie).toMatch(/Path=\/portal/);
    expect(cookie).toMatch(/HttpOnly/i);
    // No sign-in happens: the app's own session is not set.
    expect(opened.headers.getSetCookie().some((c) => c.startsWith('__horizon_session='))).toBe(false);
    for (const method of ['GET', 'POST'] as const) {
      const again = await portal.landing(token, method);
      expect(again.status).toBe(410);
      expect(await jsonOf(again)).toEqual({ state: 'used' });
    }
  });

  it('an expired link: 410 "expired"; one replaced by a newer link: 410 "revoked"', async () => {
    const first = await sendLink(world.jantje.person.id);
    await PortalLink.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { tokenHash: createHash('sha256').update(first.token).digest('hex') } });
    expect(await jsonOf(await portal.landing(first.token))).toEqual({ state: 'expired' });
    expect((await portal.landing(first.token, 'POST')).status).toBe(410);

    const second = await sendLink(world.jantje.person.id);
    await sendLink(world.jantje.person.id);
    const replaced = await portal.landing(second.token);
    expect(replaced.status).toBe(410);
    expect(await jsonOf(replaced)).toEqual({ state: 'revoked' });
  });
});

describe('the portal session', () => {
  it('shows the contact their own data, their organisation\'s agreement and reporting moments — and nobody else\'s', async () => {
    const { jantje } = world;
    const { cookie } = await openedSession(jantje.person.id);
    const response = await portal.view(cookie);
    expect(response.status).toBe(200);
    const body = await jsonOf<{ view: { person: { email: string }; agreements: { title: string }[]; relationships: { id: number }[]; moments: { upcoming: { title: string }[]; rendered: { title: string }[] } } }>(response);
    expect(body.view.person.email).toBe(jantje.person.email);
    expect(body.view.agreements.map((a) => a.title)).toEqual([jantje.agreement.title]);
    expect(body.view.relationships.map((r) => r.id)).toEqual([jantje.stakeholder.id]);
    expect(body.view.moments.rendered.map((m) => m.title)).toEqual([jantje.obligation.title]);
    expect(body.view.moments.upcoming.length).toBeGreaterThan(0);
    expect(body.view.moments.upcoming.every((m) => m.title === jantje.obligation.title)).toBe(true);
    const text = JSON.stringify(body).toLowerCase();
    for (const other of ['ooievaar', 'eiland', 'pieter']) expect(text).not.toContain(other);
  });

  it('without a session, with a tampered cookie or after its hour: 401 and the "ended" page', async () => {
    const { cookie } = await openedSession(world.jantje.person.id);
    expect((await portal.view()).status).toBe(401);
    expect((await portal.view(cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(401);
    const link = await PortalLink.findOne({ where: { personId: world.jantje.person.id, usedAt: { [(await import('~/utils/db.server')).Op.ne]: null } } });
    const stale = (await startPortalSession(link!.id, new Date(Date.now() - 1000))).split(';')[0]!;
    expect((await portal.view(stale)).status).toBe(401);
    expect(await jsonOf(await portal.view(stale))).toEqual({ ended: true });
  });

  it('leaving ends it', async () => {
    const { cookie } = await openedSession(world.jantje.person.id);
    const left = await portal.act(cookie, { intent: 'leave' });
    expect(left.status).toBe(302);
    expect(left.headers.getSetCookie().find((c) => c.startsWith('__horizon_portal='))).toMatch(/Expires=Thu, 01 Jan 1970/i);
  });
});

describe('a correction from the portal to the review queue', () => {
  let proposalId: number;
  const fields = (overrides: Record<string, string> = {}) => ({
    givenName: 'Jantje', tussenvoegsel: 'van', familyName: 'Zwanenburg', initials: '', email: world.jantje.person.email,
    phone: '0612345678', street: 'Lindelaan', houseNumber: '12', postcode: '3511 AB', city: 'Utrecht', ...overrides,
  });

  it('an unchanged form is refused; a changed field becomes a pending proposal, audited as the portal link', async () => {
    const { cookie } = await openedSession(world.jantje.person.id);
    const unchanged = await portal.act(cookie, { intent: 'propose', ...fields() });
    expect(unchanged.status).toBe(422);
    expect((await jsonOf<{ formError: string }>(unchanged)).formError).toBe('privacy:portal.nothingChanged');
    const invalid = await portal.act(cookie, { intent: 'propose', ...fields({ postcode: '12' }) });
    expect(invalid.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(invalid)).errors).toEqual({ postcode: 'parties:errors.postcode' });

    const sent = await portal.act(cookie, { intent: 'propose', ...fields({ givenName: 'Johanna', city: '' }), message: 'Mijn roepnaam is Johanna.' });
    expect(sent.status).toBe(302);
    expect(sent.headers.get('Location')).toBe('/portal?sent=1');
    const proposal = await CorrectionProposal.findOne({ where: { personId: world.jantje.person.id, status: 'pending' } });
    expect(proposal).toMatchObject({ proposed: { givenName: 'Johanna', city: null }, message: 'Mijn roepnaam is Johanna.' });
    proposalId = proposal!.id;
    const event = await AuditEvent.findOne({ where: { entity: 'correction-proposal', entityId: String(proposalId), action: 'propose' } });
    expect(event).toMatchObject({ actorUserId: null, actorLabel: expect.stringMatching(/^portal-link #\d+$/) });
  });

  it('waits in the queue; a supervisor sees it but may not decide (403)', async () => {
    const { college, supervisor } = world;
    const queue = await jsonOf<{ rows: { id: number; fields: { field: string; current: string | null; proposed: string | null }[] }[] }>(
      await call(correctionsRoute.loader as Handler, supervisor, college, '/privacy/corrections'),
    );
    expect(queue.rows.find((r) => r.id === proposalId)?.fields).toEqual([
      { field: 'givenName', current: 'Jantje', proposed: 'Johanna' },
      { field: 'city', current: 'Utrecht', proposed: null },
    ]);
    expect((await call(correctionsRoute.action as Handler, supervisor, college, '/privacy/corrections', {}, { intent: 'accept', proposalId })).status).toBe(403);
  });

  it('another institution cannot decide it (404)', async () => {
    const { corporation, otherSecretary } = world;
    expect((await call(correctionsRoute.action as Handler, otherSecretary, corporation, '/privacy/corrections', {}, { intent: 'accept', proposalId })).status).toBe(404);
    expect(await CorrectionProposal.findByPk(proposalId)).toMatchObject({ status: 'pending' });
  });

  it('accepting applies it through the directory\'s update: the person changes, is verified today, and both are audited', async () => {
    const { college, secretary, jantje } = world;
    const response = await call(correctionsRoute.action as Handler, secretary, college, '/privacy/corrections', {}, { intent: 'accept', proposalId });
    expect(response.status).toBe(302);
    expect(await Person.findByPk(jantje.person.id)).toMatchObject({ givenName: 'Johanna', city: null, lastVerifiedOn: today(), familyName: 'Zwanenburg' });
    expect(await CorrectionProposal.findByPk(proposalId)).toMatchObject({ status: 'accepted', reviewedByUserId: secretary.id });
    const update = await AuditEvent.findOne({ where: { entity: 'person', entityId: String(jantje.person.id), action: 'update' }, order: [['id', 'DESC']] });
    expect(update).toMatchObject({ actorUserId: secretary.id, changes: expect.objectContaining({ givenName: ['Jantje', 'Johanna'], city: ['Utrecht', null] }) });
    expect(await AuditEvent.count({ where: { entity: 'correction-proposal', entityId: String(proposalId), action: 'accept' } })).toBe(1);
    // Decided once: a second accept is a conflict.
    expect((await call(correctionsRoute.action as Handler, secretary, college, '/privacy/corrections', {}, { intent: 'accept', proposalId })).status).toBe(409);
  });

  it('rejecting needs a reason (400) and keeps the person as it is', async () => {
    const { college, secretary, jantje } = world;
    const { cookie } = await openedSession(jantje.person.id);
    await portal.act(cookie, { intent: 'propose', ...fields({ givenName: 'Johanna', familyName: 'Zwaan' }) });
    const proposal = await CorrectionProposal.findOne({ where: { personId: jantje.person.id, status: 'pending' } });
    const noReason = await call(correctionsRoute.action as Handler, secretary, college, '/privacy/corrections', {}, { intent: 'reject', proposalId: proposal!.id, reason: '' });
    expect(noReason.status).toBe(400);
    const rejected = await call(correctionsRoute.action as Handler, secretary, college, '/privacy/corrections', {}, { intent: 'reject', proposalId: proposal!.id, reason: 'Naam volgens paspoort' });
    expect(rejected.status).toBe(302);
    expect(await CorrectionProposal.findByPk(proposal!.id)).toMatchObject({ status: 'rejected', reviewNote: 'Naam volgens paspoort' });
    expect(await Person.findByPk(jantje.person.id)).toMatchObject({ familyName: 'Zwanenburg' });
  });
});
