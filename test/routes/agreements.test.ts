import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { changeAgreementStatus } from '~/modules/agreements/mutations.server';
import { recordRendering } from '~/modules/obligations/mutations.server';
import * as agreementRoute from '~/routes/_app.i.$institutionId.agreements.$agreementId';
import * as documentRoute from '~/routes/_app.i.$institutionId.agreements.$agreementId_.documents.$attachmentId';
import * as newRoute from '~/routes/_app.i.$institutionId.agreements.new';
import * as editRoute from '~/routes/_app.i.$institutionId.agreements.$agreementId_.edit';
import { Agreement, Attachment, AuditEvent, Obligation, Op, ReportingMoment } from '~/utils/db.server';
import { addMonths, compareDays, startOfMonthDay, today } from '~/utils/dates';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { makeAgreement, makeObligation, makeWorld, multipartRequest, type World } from '../modules/obligations-fixtures';

let world: World;
let agreementId: number;

const params = (extra: Record<string, string> = {}) => ({ institutionId: String(world.college.id), ...extra });
const path = (p: string) => `/i/${world.college.id}${p}`;

beforeAll(async () => {
  world = await makeWorld();
  ({ id: agreementId } = await makeAgreement(world.college, [world.municipality.id]));
});

describe('the agreement form', () => {
  it('creates with several stakeholders and redirects to the agreement', async () => {
    const request = await signedInRequest(world.secretary, path('/agreements/new'), {
      form: { title: 'Convenant', kind: 'covenant', direction: 'mutual', startsOn: '2026-01-01', endsOn: '2027-12-31', stakeholderIds: [world.municipality.id, world.studentCouncil.id] },
    });
    const response = await responseOf(newRoute.action(routeArgs(request, params())));
    expect(response.status).toBe(302);
    const created = await Agreement.findOne({ where: { title: 'Convenant' } });
    expect(response.headers.get('Location')).toBe(path(`/agreements/${created!.id}`));
  });

  it.each([
    [{ endsOn: '2025-01-01' }, { endsOn: 'agreements:form.endBeforeStart' }],
    [{ stakeholderIds: undefined }, { stakeholderIds: 'agreements:form.stakeholdersRequired' }],
    [{ startsOn: '2026-02-30' }, { startsOn: 'common:errors.invalidDate' }],
  ])('refuses %j with 400 and writes nothing', async (overrides, errors) => {
    const before = await Agreement.count();
    const request = await signedInRequest(world.secretary, path('/agreements/new'), {
      form: { title: 'Bad', kind: 'covenant', direction: 'mutual', startsOn: '2026-01-01', stakeholderIds: [world.municipality.id], ...overrides },
    });
    const response = await responseOf(newRoute.action(routeArgs(request, params())));
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors).toEqual(errors);
    expect(await Agreement.count()).toBe(before);
  });

  it('a second edit from the same version is a conflict', async () => {
    const form = { title: 'Edited', kind: 'covenant', direction: 'mutual', startsOn: '2026-01-01', stakeholderIds: [world.municipality.id], version: 0 };
    const edit = async (title: string) =>
      responseOf(editRoute.action(routeArgs(await signedInRequest(world.secretary, path(`/agreements/${agreementId}/edit`), { form: { ...form, title } }), params({ agreementId: String(agreementId) }))));
    expect((await edit('First')).status).toBe(302);
    const second = await edit('Second');
    expect(second.status).toBe(409);
    expect((await jsonOf<{ formError: string }>(second)).formError).toBe('common:errors.conflict');
  });

  it('a supervisor may read but not write', async () => {
    const read = await responseOf(agreementRoute.loader(routeArgs(await signedInRequest(world.supervisor, path(`/agreements/${agreementId}`)), params({ agreementId: String(agreementId) }))));
    expect(read.status).toBe(200);
    const write = await responseOf(agreementRoute.action(routeArgs(
      await signedInRequest(world.supervisor, path(`/agreements/${agreementId}`), { form: { intent: 'status', status: 'active', version: 1 } }),
      params({ agreementId: String(agreementId) }),
    )));
    expect(write.status).toBe(403);
  });
});

describe('status changes on the page', () => {
  it('activates, refuses a step that is not allowed, and audits a reopening', async () => {
    const { id } = await makeAgreement(world.college, [world.municipality.id], { title: 'Lifecycle' });
    const post = async (form: Record<string, string | number>) =>
      responseOf(agreementRoute.action(routeArgs(await signedInRequest(world.secretary, path(`/agreements/${id}`), { form: { intent: 'status', ...form } }), params({ agreementId: String(id) }))));
    expect((await post({ status: 'active', version: 0 })).status).toBe(302);
    const refused = await post({ status: 'draft', version: 1 });
    expect(refused.status).toBe(422);
    expect((await jsonOf<{ errors: Record<string, string> }>(refused)).errors).toEqual({ status: 'agreements:status.notAllowed' });
    expect((await post({ status: 'terminated', version: 1 })).status).toBe(302);
    expect((await post({ status: 'active', version: 2, reason: 'Restarted after talks' })).status).toBe(302);
    const actions = (await AuditEvent.findAll({ where: { entity: 'agreement', entityId: String(id) }, order: [['id', 'ASC']] })).map((e) => [e.action, e.actorLabel]);
    expect(actions).toEqual([['create', 'system'], ['activate', world.secretary.email], ['terminate', world.secretary.email], ['reopen', world.secretary.email]]);
  });
});

describe('documents', () => {
  it('uploads a file without JavaScript (multipart), downloads it, and refuses another institution', async () => {
    const file = new File(['id;naam\n1;=cmd'], 'afspraken.csv', { type: 'text/csv' });
    const upload = await multipartRequest(world.secretary, path(`/agreements/${agreementId}`), { intent: 'add-document', title: 'Bijlage', url: '' }, { file });
    expect((await responseOf(agreementRoute.action(routeArgs(upload, params({ agreementId: String(agreementId) }))))).status).toBe(302);
    const [stored] = await Attachment.findAll({ where: { agreementId } });
    expect(stored).toMatchObject({ title: 'Bijlage', fileName: 'afspraken.csv', contentType: 'text/csv', sizeBytes: file.size, institutionId: world.college.id });

    const download = await responseOf(documentRoute.loader(routeArgs(
      await signedInRequest(world.supervisor, path(`/agreements/${agreementId}/documents/${stored.id}`)),
      params({ agreementId: String(agreementId), attachmentId: String(stored.id) }),
    )));
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('id;naam\n1;=cmd');

    for (const institutionId of [world.college.id, world.corporation.id]) {
      const foreign = await responseOf(documentRoute.loader(routeArgs(
        await signedInRequest(world.otherSecretary, `/i/${institutionId}/agreements/${agreementId}/documents/${stored.id}`),
        { institutionId: String(institutionId), agreementId: String(agreementId), attachmentId: String(stored.id) },
      )));
      expect(foreign.status).toBe(404);
    }
  });

  it('adds a link; refuses a refused type, an empty form and a bad link, writing nothing', async () => {
    const before = await Attachment.count();
    const bad: [Record<string, string>, Record<string, File>, Record<string, string>][] = [
      [{ intent: 'add-document' }, { file: new File(['MZ'], 'tool.exe') }, { file: 'obligations:attachments.refusedType' }],
      [{ intent: 'add-document', url: '' }, {}, { file: 'obligations:attachments.fileOrLink' }],
      [{ intent: 'add-document', url: 'javascript:alert(1)' }, {}, { url: 'common:errors.invalidUrl' }],
    ];
    for (const [fields, files, errors] of bad) {
      const response = await responseOf(agreementRoute.action(routeArgs(await multipartRequest(world.secretary, path(`/agreements/${agreementId}`), fields, files), params({ agreementId: String(agreementId) }))));
      expect(response.status).toBe(400);
      expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors).toEqual(errors);
    }
    expect(await Attachment.count()).toBe(before);

    const link = await multipartRequest(world.secretary, path(`/agreements/${agreementId}`), { intent: 'add-document', url: 'https://www.example.nl/prestatieafspraken.pdf', title: '' });
    expect((await responseOf(agreementRoute.action(routeArgs(link, params({ agreementId: String(agreementId) }))))).status).toBe(302);
    expect(await Attachment.findOne({ where: { agreementId, kind: 'link' } })).toMatchObject({ title: 'https://www.example.nl/prestatieafspraken.pdf' });
  });
});

describe('closing an agreement on the page', () => {
  // The action closes with the real clock: the dates here are built around today.
  const day = today();
  const start = addMonths(startOfMonthDay(day), -6);

  /** An active agreement from six months ago with a monthly obligation (moments on the 1st) and one rendered ahead of its due date. */
  async function activeWithObligation(title: string) {
    const { id } = await makeAgreement(world.college, [world.municipality.id], { title, startsOn: start });
    await changeAgreementStatus(SYSTEM_ACTOR, { institutionId: world.college.id, agreementId: id, status: 'active', version: 0 });
    const obligation = await makeObligation(
      world.college, { responsibleUserId: world.secretary.id, agreementId: id, startsOn: start, recurrence: { kind: 'monthly', interval: 1, day: 1 } }, day,
    );
    const next = await ReportingMoment.findOne({ where: { obligationId: obligation.id, dueOn: { [Op.gt]: day } }, order: [['dueOn', 'ASC']] });
    await recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: next!.id, renderedOn: day, version: 0 }, day);
    return { agreementId: id, obligationId: obligation.id, renderedAhead: next!.dueOn };
  }
  const close = async (user: { id: number }, agreementId: number, form: Record<string, string | number | (string | number)[]>, institutionId = world.college.id) =>
    responseOf(agreementRoute.action(routeArgs(
      await signedInRequest(user, `/i/${institutionId}/agreements/${agreementId}`, { form: { intent: 'status', status: 'terminated', version: 1, closedOn: day, ...form } }),
      { institutionId: String(institutionId), agreementId: String(agreementId) },
    )));
  const dueDates = async (obligationId: number) =>
    (await ReportingMoment.findAll({ where: { obligationId }, order: [['dueOn', 'ASC']] })).map((m) => m.dueOn);

  it('the page lists the active obligations the box covers', async () => {
    const c = await activeWithObligation('Listed');
    const response = await responseOf(agreementRoute.loader(routeArgs(await signedInRequest(world.secretary, path(`/agreements/${c.agreementId}`)), params({ agreementId: String(c.agreementId) }))));
    const { agreement } = await jsonOf<{ agreement: { obligations: { id: number; active: boolean }[] } }>(response);
    expect(agreement.obligations).toEqual([expect.objectContaining({ id: c.obligationId, active: true })]);
  });

  it('a secretary closes with the box ticked (a plain form post): the obligation ends today, later open moments go, the rendered one stays', async () => {
    const c = await activeWithObligation('Ticked on the page');
    const before = await dueDates(c.obligationId);
    const response = await close(world.secretary, c.agreementId, { endObligations: 'on', obligationIds: [c.obligationId] });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(path(`/agreements/${c.agreementId}`));
    expect(await Obligation.findByPk(c.obligationId)).toMatchObject({ endsOn: day, active: true });
    expect(await dueDates(c.obligationId)).toEqual([...before.filter((d) => compareDays(d, day) <= 0), c.renderedAhead]);
    const actions = (await AuditEvent.findAll({ where: { entity: 'obligation', entityId: String(c.obligationId) }, order: [['id', 'ASC']] })).map((e) => [e.action, e.actorLabel]);
    expect(actions.slice(-2)).toEqual([['update', world.secretary.email], ['regenerate', world.secretary.email]]);
  });

  it('unticked, the obligation runs on', async () => {
    const c = await activeWithObligation('Unticked on the page');
    const before = await dueDates(c.obligationId);
    expect((await close(world.secretary, c.agreementId, { obligationIds: [c.obligationId] })).status).toBe(302);
    expect(await Agreement.findByPk(c.agreementId)).toMatchObject({ status: 'terminated' });
    expect(await Obligation.findByPk(c.obligationId)).toMatchObject({ endsOn: null, version: 0 });
    expect(await dueDates(c.obligationId)).toEqual(before);
  });

  it('refuses a bad date, a date before the start and another institution\'s obligation, with the message beside the field and nothing written', async () => {
    const c = await activeWithObligation('Refused on the page');
    const foreign = await makeObligation(world.corporation, { responsibleUserId: world.otherSecretary.id, title: 'Foreign' }, day);
    const auditBefore = await AuditEvent.count();
    const momentsBefore = await ReportingMoment.count();
    const cases: [Record<string, string | number[]>, number, Record<string, string>][] = [
      [{ closedOn: '2026-02-30' }, 400, { closedOn: 'common:errors.invalidDate' }],
      [{ closedOn: addMonths(start, -1) }, 422, { closedOn: 'agreements:close.beforeStart' }],
      [{ obligationIds: [c.obligationId, foreign.id] }, 422, { endObligations: 'agreements:close.unknownObligation' }],
    ];
    for (const [form, status, errors] of cases) {
      const response = await close(world.secretary, c.agreementId, { endObligations: 'on', obligationIds: [c.obligationId], ...form });
      expect(response.status).toBe(status);
      const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, unknown> }>(response);
      expect(body.errors).toEqual(errors);
      expect(body.values).toMatchObject({ endObligations: 'on' });
    }
    expect(await Agreement.findByPk(c.agreementId)).toMatchObject({ status: 'active', version: 1 });
    expect(await Obligation.findByPk(c.obligationId)).toMatchObject({ endsOn: null, version: 0 });
    expect(await Obligation.findByPk(foreign.id)).toMatchObject({ endsOn: null, active: true, version: 0 });
    expect(await AuditEvent.count()).toBe(auditBefore);
    expect(await ReportingMoment.count()).toBe(momentsBefore);
  });

  it('a supervisor gets 403 and a secretary of another institution 404; nothing is closed', async () => {
    const c = await activeWithObligation('Guarded');
    const form = { endObligations: 'on', obligationIds: [c.obligationId] };
    expect((await close(world.supervisor, c.agreementId, form)).status).toBe(403);
    expect((await close(world.otherSecretary, c.agreementId, form)).status).toBe(404);
    // Through their own institution's URL: the agreement is not theirs.
    expect((await close(world.otherSecretary, c.agreementId, form, world.corporation.id)).status).toBe(404);
    expect(await Agreement.findByPk(c.agreementId)).toMatchObject({ status: 'active', version: 1 });
    expect(await Obligation.findByPk(c.obligationId)).toMatchObject({ endsOn: null, version: 0 });
  });
});
