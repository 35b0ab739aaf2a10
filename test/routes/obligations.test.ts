import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { addEvidence } from '~/modules/obligations/mutations.server';
import * as editRoute from '~/routes/_app.i.$institutionId.obligations.$obligationId_.edit';
import * as obligationRoute from '~/routes/_app.i.$institutionId.obligations.$obligationId';
import * as newRoute from '~/routes/_app.i.$institutionId.obligations.new';
import * as listRoute from '~/routes/_app.i.$institutionId.obligations._index';
import * as momentRoute from '~/routes/_app.i.$institutionId.moments.$momentId';
import * as evidenceRoute from '~/routes/_app.i.$institutionId.moments.$momentId_.evidence.$attachmentId';
import { Attachment, AuditEvent, Obligation, ReportingMoment } from '~/utils/db.server';
import { today } from '~/utils/dates';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { makeObligation, makeWorld, multipartRequest, type World } from '../modules/obligations-fixtures';

/**
 * The obligation and moment pages through their loaders and actions, with real requests: who may
 * see and change what, bad input that writes nothing, and two people editing at once.
 */

let world: World;
let obligationId: number;
let momentId: number;
let evidenceId: number;
let foreignObligationId: number;

const validForm = (overrides: Record<string, string> = {}) => ({
  title: 'Jaarverslag aan DUO', forum: 'DUO', form: 'report', responsibleUserId: String(world.secretary.id), leadTimeDays: '60',
  recurrenceKind: 'yearly', recurrenceInterval: '1', recurrenceDay: '30', recurrenceMonth: '6', startsOn: '2026-01-01',
  reportsOn: 'previous', ...overrides,
});

const college = (path = '') => `/i/${world.college.id}${path}`;
const params = (extra: Record<string, string> = {}) => ({ institutionId: String(world.college.id), ...extra });

beforeAll(async () => {
  world = await makeWorld();
  ({ id: obligationId } = await makeObligation(world.college, { responsibleUserId: world.secretary.id, stakeholderIds: [world.municipality.id] }, today()));
  const [first] = await ReportingMoment.findAll({ where: { obligationId }, order: [['dueOn', 'ASC']] });
  momentId = first.id;
  ({ id: evidenceId } = await addEvidence(SYSTEM_ACTOR, {
    institutionId: world.college.id, momentId,
    upload: { fileName: 'verslag.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 evidence') },
  }));
  ({ id: foreignObligationId } = await makeObligation(world.corporation, { responsibleUserId: world.otherSecretary.id }, today()));
});

describe('another institution', () => {
  it('a secretary of the corporation gets 404 for the college\'s pages, through either institution\'s URL', async () => {
    const cases: [string, (args: ReturnType<typeof routeArgs>) => unknown, Record<string, string>][] = [
      [`/obligations/${obligationId}`, obligationRoute.loader as never, { obligationId: String(obligationId) }],
      [`/moments/${momentId}`, momentRoute.loader as never, { momentId: String(momentId) }],
      [`/moments/${momentId}/evidence/${evidenceId}`, evidenceRoute.loader as never, { momentId: String(momentId), attachmentId: String(evidenceId) }],
    ];
    for (const [path, loader, extra] of cases) {
      for (const institutionId of [world.college.id, world.corporation.id]) {
        const request = await signedInRequest(world.otherSecretary, `/i/${institutionId}${path}`);
        const response = await responseOf(loader(routeArgs(request, { institutionId: String(institutionId), ...extra })));
        expect(response.status, `${path} under institution ${institutionId}`).toBe(404);
      }
    }
  });

  it('evidence is downloaded only through its own moment', async () => {
    const [otherMoment] = await ReportingMoment.findAll({ where: { obligationId: foreignObligationId } });
    const request = await signedInRequest(world.otherSecretary, `/i/${world.corporation.id}/moments/${otherMoment.id}/evidence/${evidenceId}`);
    const response = await responseOf(evidenceRoute.loader(routeArgs(request, { institutionId: String(world.corporation.id), momentId: String(otherMoment.id), attachmentId: String(evidenceId) })));
    expect(response.status).toBe(404);
  });

  it('a college member downloads the evidence: as an attachment, with the stored type and no sniffing', async () => {
    for (const user of [world.secretary, world.supervisor, world.admin]) {
      const request = await signedInRequest(user, college(`/moments/${momentId}/evidence/${evidenceId}`));
      const response = await responseOf(evidenceRoute.loader(routeArgs(request, params({ momentId: String(momentId), attachmentId: String(evidenceId) }))));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/pdf');
      expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="verslag.pdf"/);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(await response.text()).toBe('%PDF-1.4 evidence');
    }
  });

  it('refuses a stakeholder id of another institution in the form, and writes nothing', async () => {
    const before = await Obligation.count();
    const request = await signedInRequest(world.secretary, college('/obligations/new'), { form: validForm({ stakeholderIds: String(world.foreignStakeholder.id) }) });
    const response = await responseOf(newRoute.action(routeArgs(request, params())));
    expect(response.status).toBe(422);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors).toEqual({ stakeholderIds: 'common:errors.invalidChoice' });
    expect(await Obligation.count()).toBe(before);
  });
});

describe('roles', () => {
  it('a supervisor reads the pages but every write answers 403', async () => {
    const read = await responseOf(obligationRoute.loader(routeArgs(await signedInRequest(world.supervisor, college(`/obligations/${obligationId}`)), params({ obligationId: String(obligationId) }))));
    expect(read.status).toBe(200);
    const writes: [(args: ReturnType<typeof routeArgs>) => unknown, string, Record<string, string>, Record<string, string>][] = [
      [newRoute.loader as never, '/obligations/new', {}, {}],
      [newRoute.action as never, '/obligations/new', {}, validForm()],
      [editRoute.action as never, `/obligations/${obligationId}/edit`, { obligationId: String(obligationId) }, { ...validForm(), version: '0' }],
      [obligationRoute.action as never, `/obligations/${obligationId}`, { obligationId: String(obligationId) }, { active: 'false', version: '0' }],
      [momentRoute.action as never, `/moments/${momentId}`, { momentId: String(momentId) }, { intent: 'render', renderedOn: today(), version: '0' }],
    ];
    for (const [handler, path, extra, form] of writes) {
      const request = await signedInRequest(world.supervisor, college(path), Object.keys(form).length ? { form } : {});
      const response = await responseOf(handler(routeArgs(request, params(extra))));
      expect(response.status, path).toBe(403);
    }
  });

  it('waiving needs a manager: a secretary gets 403, a manager waives, and only a manager undoes it', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id, title: 'Waivable' }, today());
    const [moment] = await ReportingMoment.findAll({ where: { obligationId: id }, order: [['dueOn', 'ASC']] });
    const waive = async (user: { id: number }, form: Record<string, string>) =>
      responseOf(momentRoute.action(routeArgs(await signedInRequest(user, college(`/moments/${moment.id}`), { form }), params({ momentId: String(moment.id) }))));

    expect((await waive(world.secretary, { intent: 'waive', reason: 'Combined', version: '0' })).status).toBe(403);
    expect((await ReportingMoment.findByPk(moment.id))!.waivedOn).toBeNull();

    const waived = await waive(world.manager, { intent: 'waive', reason: 'Combined with the annual report', version: '0' });
    expect(waived.status).toBe(302);
    expect(await ReportingMoment.findByPk(moment.id)).toMatchObject({ waivedOn: today(), waiveReason: 'Combined with the annual report', waivedByUserId: world.manager.id });

    expect((await waive(world.secretary, { intent: 'undo-waive', version: '1' })).status).toBe(403);
    expect((await waive(world.manager, { intent: 'undo-waive', version: '1' })).status).toBe(302);
    const events = await AuditEvent.findAll({ where: { entity: 'reporting-moment', entityId: String(moment.id) }, order: [['id', 'ASC']] });
    expect(events.map((e) => [e.action, e.actorLabel])).toEqual([['waive', world.manager.email], ['undo-waive', world.manager.email]]);
  });
});

describe('bad input writes nothing', () => {
  it.each([
    ['N ≤ 0', { recurrenceInterval: '0' }, 'recurrenceInterval', 'obligations:form.intervalPositive'],
    ['an end before the start', { endsOn: '2025-06-30' }, 'endsOn', 'obligations:form.endBeforeStart'],
    ['a lead time longer than the interval', { recurrenceKind: 'monthly', recurrenceInterval: '1', recurrenceDay: '15', leadTimeDays: '40' }, 'leadTimeDays', 'obligations:form.leadTimeExceedsInterval'],
    ['nobody to account to', { forum: '' }, 'forum', 'obligations:form.toWhomRequired'],
    ['no responsible person', { responsibleUserId: '' }, 'responsibleUserId', 'common:errors.invalidChoice'],
  ])('a new obligation with %s: 400, the message at the field, the typed values back', async (_, overrides, field, message) => {
    const before = [await Obligation.count(), await ReportingMoment.count()];
    const request = await signedInRequest(world.secretary, college('/obligations/new'), { form: validForm(overrides) });
    const response = await responseOf(newRoute.action(routeArgs(request, params())));
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors[field]).toBe(message);
    expect(body.values.title).toBe('Jaarverslag aan DUO');
    expect([await Obligation.count(), await ReportingMoment.count()]).toEqual(before);
  });

  it('a rendering date in the future: 400 at the field, the moment unchanged', async () => {
    const tomorrow = new Date(Date.parse(`${today()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const request = await multipartRequest(world.secretary, college(`/moments/${momentId}`), { intent: 'render', renderedOn: tomorrow, version: '0', note: 'Sent' });
    const response = await responseOf(momentRoute.action(routeArgs(request, params({ momentId: String(momentId) }))));
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors).toEqual({ renderedOn: 'obligations:moment.renderedInFuture' });
    expect(body.values.note).toBe('Sent');
    expect((await ReportingMoment.findByPk(momentId))!.renderedOn).toBeNull();
  });

  it('evidence too large or of a refused type: 400 at the file field, nothing stored, the note kept', async () => {
    const before = await Attachment.count();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' });
    const script = new File(['<script>alert(1)</script>'], 'evil.html', { type: 'text/html' });
    for (const [file, message] of [[big, 'obligations:attachments.tooLarge'], [script, 'obligations:attachments.refusedType']] as const) {
      const request = await multipartRequest(world.secretary, college(`/moments/${momentId}`), { intent: 'render', renderedOn: today(), version: '0', note: 'Sent to DUO' }, { evidenceFile: file });
      const response = await responseOf(momentRoute.action(routeArgs(request, params({ momentId: String(momentId) }))));
      expect(response.status).toBe(400);
      const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
      expect(body.errors).toEqual({ evidenceFile: message });
      expect(body.values.note).toBe('Sent to DUO');
    }
    expect(await Attachment.count()).toBe(before);
    expect((await ReportingMoment.findByPk(momentId))!.renderedOn).toBeNull();
  });

  it('a file of exactly 10 MiB is accepted with the rendering, in one transaction', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id, title: 'With evidence' }, today());
    const [moment] = await ReportingMoment.findAll({ where: { obligationId: id }, order: [['dueOn', 'ASC']] });
    const exact = new File([new Uint8Array(10 * 1024 * 1024)], 'verslag.PDF', { type: 'application/octet-stream' });
    const request = await multipartRequest(world.secretary, college(`/moments/${moment.id}`), {
      intent: 'render', renderedOn: today(), version: '0', note: 'Sent', evidenceUrl: '', evidenceTitle: '',
    }, { evidenceFile: exact });
    const response = await responseOf(momentRoute.action(routeArgs(request, params({ momentId: String(moment.id) }))));
    expect(response.status).toBe(302);
    const [stored] = await Attachment.findAll({ where: { reportingMomentId: moment.id } });
    expect(stored).toMatchObject({ kind: 'file', fileName: 'verslag.PDF', contentType: 'application/pdf', sizeBytes: 10 * 1024 * 1024 });
    expect((await ReportingMoment.findByPk(moment.id))).toMatchObject({ renderedOn: today(), renderedByUserId: world.secretary.id, note: 'Sent' });
  });
});

describe('two people editing the same obligation', () => {
  it('the second save gets a clear conflict message and changes nothing', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id, title: 'Shared' }, today());
    const save = async (user: { id: number }, title: string) =>
      responseOf(editRoute.action(routeArgs(
        await signedInRequest(user, college(`/obligations/${id}/edit`), { form: { ...validForm({ title }), version: '0' } }),
        params({ obligationId: String(id) }),
      )));
    expect((await save(world.secretary, 'Saved first')).status).toBe(302);
    const second = await save(world.manager, 'Saved second');
    expect(second.status).toBe(409);
    const body = await jsonOf<{ formError: string; values: Record<string, string> }>(second);
    expect(body.formError).toBe('common:errors.conflict');
    expect(body.values.title).toBe('Saved second');
    expect((await Obligation.findByPk(id))!.title).toBe('Saved first');
  });
});

describe('the pages', () => {
  it('a preset prefills the new-obligation form (?preset= without JavaScript)', async () => {
    const request = await signedInRequest(world.otherSecretary, `/i/${world.corporation.id}/obligations/new?preset=housing-bod`);
    const response = await responseOf(newRoute.loader(routeArgs(request, { institutionId: String(world.corporation.id) })));
    const data = await jsonOf<{ preset: { key: string; recurrence: unknown }; presets: { key: string }[] }>(response);
    expect(data.preset).toMatchObject({ key: 'housing-bod', recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' } });
    expect(data.presets.map((p) => p.key)).toContain('housing-visitatie');
    expect(data.presets.map((p) => p.key)).not.toContain('healthcare-digimv');
  });

  it('creating through the form redirects to the obligation with its moments', async () => {
    const request = await signedInRequest(world.secretary, college('/obligations/new'), {
      form: validForm({ title: 'Via the form', stakeholderIds: [String(world.municipality.id), String(world.studentCouncil.id)] as unknown as string }),
    });
    const response = await responseOf(newRoute.action(routeArgs(request, params())));
    expect(response.status).toBe(302);
    const created = await Obligation.findOne({ where: { title: 'Via the form' } });
    expect(response.headers.get('Location')).toBe(college(`/obligations/${created!.id}`));
    expect(await ReportingMoment.count({ where: { obligationId: created!.id } })).toBeGreaterThan(0);
  });

  it('the list filters in the URL', async () => {
    const request = await signedInRequest(world.supervisor, college(`/obligations?q=Waivable&state=all`));
    const data = await jsonOf<{ rows: { title: string }[]; total: number }>(await responseOf(listRoute.loader(routeArgs(request, params()))));
    expect(data.rows.map((r) => r.title)).toEqual(['Waivable']);
  });
});
