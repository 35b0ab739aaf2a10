import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, userActor } from '~/modules/audit/actor';
import {
  extendMoments, recordRendering, setObligationActive, undoRendering, updateObligation, waiveMoment,
} from '~/modules/obligations/mutations.server';
import { MAX_MOMENT_SEARCH, obligationUpdateSchema, parseMomentFilters, type ObligationInput } from '~/modules/obligations/schema';
import { AuditEvent, Obligation, ReportingMoment } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import { makeAgreement, makeObligation, makeWorld, obligationInput, type World } from './obligations-fixtures';

let world: World;
beforeAll(async () => {
  world = await makeWorld();
});

const momentsOf = async (obligationId: number) =>
  (await ReportingMoment.findAll({ where: { obligationId }, order: [['dueOn', 'ASC']] })).map((m) => m.get({ plain: true }));

async function rejection(pending: Promise<unknown>): Promise<DomainError> {
  const error = await pending.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('creating an obligation', () => {
  it('materialises its moments through the end of next year, past ones included, with stable UIDs and reminder days', async () => {
    const { id, moments } = await makeObligation(world.college, { responsibleUserId: world.secretary.id }, '2026-03-01');
    const stored = await momentsOf(id);
    expect(moments).toBe(8);
    expect(stored.map((m) => m.dueOn)).toEqual([
      '2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15', '2027-04-15', '2027-07-15', '2027-10-15',
    ]);
    expect(stored[1]).toMatchObject({
      uid: `moment-${id}-2026-01-01@horizon`, remindFrom: '2026-04-01', periodStart: '2026-01-01', periodEnd: '2026-03-31',
      institutionId: world.college.id,
    });
    const events = await AuditEvent.findAll({ where: { entity: 'obligation', entityId: String(id) } });
    expect(events.map((e) => e.action).sort()).toEqual(['create', 'materialise']);
  });

  it('under an agreement: refused outside its term, with the reason at the field, and nothing written', async () => {
    const { id: agreementId } = await makeAgreement(world.college, [world.municipality.id], { startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const before = await Obligation.count();
    const early = await rejection(makeObligation(world.college, { responsibleUserId: world.secretary.id, agreementId, startsOn: '2025-12-01' }, '2026-03-01'));
    expect(early.fieldErrors).toMatchObject({ startsOn: 'obligations:form.beforeAgreementStart', endsOn: 'obligations:form.agreementNeedsEnd' });
    const late = await rejection(makeObligation(world.college, { responsibleUserId: world.secretary.id, agreementId, endsOn: '2027-06-30' }, '2026-03-01'));
    expect(late.fieldErrors).toEqual({ endsOn: 'obligations:form.afterAgreementEnd' });
    expect(await Obligation.count()).toBe(before);

    const inside = await makeObligation(world.college, { responsibleUserId: world.secretary.id, agreementId, endsOn: '2026-12-31' }, '2026-03-01');
    expect((await momentsOf(inside.id)).map((m) => m.dueOn)).toEqual(['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15']);
  });

  it('refuses a stakeholder, an agreement or a responsible person of another institution', async () => {
    const { id: foreignAgreement } = await makeAgreement(world.corporation, [world.foreignStakeholder.id]);
    const cases: [Partial<ObligationInput>, string][] = [
      [{ stakeholderIds: [world.foreignStakeholder.id] }, 'stakeholderIds'],
      [{ agreementId: foreignAgreement }, 'agreementId'],
      [{ responsibleUserId: world.otherSecretary.id }, 'responsibleUserId'],
      // A supervisor cannot be responsible: they only read.
      [{ responsibleUserId: world.supervisor.id }, 'responsibleUserId'],
    ];
    for (const [overrides, field] of cases) {
      const error = await rejection(makeObligation(world.college, { responsibleUserId: world.secretary.id, ...overrides }, '2026-03-01'));
      expect(Object.keys(error.fieldErrors)).toEqual([field]);
    }
  });
});

describe('changing an obligation regenerates its future moments', () => {
  it('keeps rendered and waived moments, keeps id and UID for the same period, and moves reminder days', async () => {
    const today = '2026-05-01';
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id }, '2026-01-10');
    const [january, april, july, october] = await momentsOf(id);
    await recordRendering(userActor(world.secretary), { institutionId: world.college.id, momentId: january.id, renderedOn: '2026-01-12', version: 0 }, today);
    await waiveMoment(userActor(world.manager), { institutionId: world.college.id, momentId: april.id, reason: 'Combined with the annual report', version: 0 }, today);

    // Due on the 20th instead of the 15th, with a longer lead time.
    const obligation = await Obligation.findByPk(id);
    await updateObligation(SYSTEM_ACTOR, {
      institutionId: world.college.id, obligationId: id, version: obligation!.version,
      ...obligationInput({ responsibleUserId: world.secretary.id, recurrence: { kind: 'monthly', interval: 3, day: 20 }, leadTimeDays: 30 }),
    }, today);

    const after = await momentsOf(id);
    const byId = new Map(after.map((m) => [m.id, m]));
    expect(byId.get(january.id)).toMatchObject({ dueOn: '2026-01-15', renderedOn: '2026-01-12', uid: january.uid });
    expect(byId.get(april.id)).toMatchObject({ dueOn: '2026-04-15', waivedOn: today, uid: april.uid });
    expect(byId.get(july.id)).toMatchObject({ dueOn: '2026-07-20', remindFrom: '2026-06-20', uid: july.uid, periodStart: '2026-04-01' });
    expect(byId.get(october.id)).toMatchObject({ dueOn: '2026-10-20', uid: october.uid });
    expect(after).toHaveLength(8);
  });

  it('an unrendered past moment stays (overdue) and gets the new lead time', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id, leadTimeDays: 7 }, '2026-01-01');
    const [january] = await momentsOf(id);
    const obligation = await Obligation.findByPk(id);
    await updateObligation(SYSTEM_ACTOR, {
      institutionId: world.college.id, obligationId: id, version: obligation!.version,
      ...obligationInput({ responsibleUserId: world.secretary.id, leadTimeDays: 21 }),
    }, '2026-03-01');
    const stored = await ReportingMoment.findByPk(january.id);
    expect(stored).toMatchObject({ dueOn: '2026-01-15', remindFrom: '2025-12-25', renderedOn: null });
  });

  it('a second save from a stale form is a conflict, and writes nothing', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id }, '2026-01-01');
    const input = { institutionId: world.college.id, obligationId: id, version: 0, ...obligationInput({ responsibleUserId: world.secretary.id }) };
    await updateObligation(userActor(world.secretary), { ...input, title: 'First editor' }, '2026-01-02');
    const error = await rejection(updateObligation(userActor(world.manager), { ...input, title: 'Second editor' }, '2026-01-02'));
    expect(error.code).toBe('conflict');
    expect((await Obligation.findByPk(id))!.title).toBe('First editor');
  });

  it('ending an obligation removes its future open moments and keeps the record', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id }, '2026-01-01');
    const [january] = await momentsOf(id);
    await recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: january.id, renderedOn: '2026-01-14', version: 0 }, '2026-02-01');
    await setObligationActive(SYSTEM_ACTOR, { institutionId: world.college.id, obligationId: id, active: false, version: 0 }, '2026-05-01');
    expect((await momentsOf(id)).map((m) => m.dueOn)).toEqual(['2026-01-15', '2026-04-15']);
    await setObligationActive(SYSTEM_ACTOR, { institutionId: world.college.id, obligationId: id, active: true, version: 1 }, '2026-05-01');
    expect(await momentsOf(id)).toHaveLength(8);
  });
});

describe('npm run moments:extend', () => {
  it('rolls the horizon forward and is idempotent', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id, title: 'Yearly', recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' } }, '2026-03-01');
    expect((await momentsOf(id)).map((m) => m.dueOn)).toEqual(['2026-06-30', '2027-06-30']);
    const first = await extendMoments(SYSTEM_ACTOR, '2027-01-02');
    expect(first.created).toBeGreaterThan(0);
    expect((await momentsOf(id)).map((m) => m.dueOn)).toEqual(['2026-06-30', '2027-06-30', '2028-06-30']);
    const again = await extendMoments(SYSTEM_ACTOR, '2027-01-02');
    expect(again).toMatchObject({ created: 0, updated: 0, removed: 0, remindersMoved: 0 });
  });
});

describe('rendering account', () => {
  it('refuses a rendering date in the future, and a stale version', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id }, '2026-01-01');
    const [january] = await momentsOf(id);
    const future = await rejection(recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: january.id, renderedOn: '2026-01-11', version: 0 }, '2026-01-10'));
    expect(future.fieldErrors).toEqual({ renderedOn: 'obligations:moment.renderedInFuture' });
    await recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: january.id, renderedOn: '2026-01-10', version: 0 }, '2026-01-10');
    const stale = await rejection(undoRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: january.id, version: 0 }));
    expect(stale.code).toBe('conflict');
    await undoRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: january.id, version: 1 });
    const events = await AuditEvent.findAll({ where: { entity: 'reporting-moment', entityId: String(january.id) }, order: [['id', 'ASC']] });
    expect(events.map((e) => e.action)).toEqual(['render', 'undo-render']);
  });

  it('another institution\'s moment is not found', async () => {
    const { id } = await makeObligation(world.college, { responsibleUserId: world.secretary.id }, '2026-01-01');
    const [january] = await momentsOf(id);
    const error = await rejection(recordRendering(SYSTEM_ACTOR, { institutionId: world.corporation.id, momentId: january.id, renderedOn: '2026-01-10', version: 0 }, '2026-02-01'));
    expect(error.code).toBe('not-found');
  });
});

describe('the form schema', () => {
  const form = {
    title: 'Jaarverslag', forum: 'DUO', form: 'report', responsibleUserId: '1', leadTimeDays: '30', recurrenceKind: 'yearly',
    recurrenceInterval: '1', recurrenceDay: '30', recurrenceMonth: '6', startsOn: '2026-01-01', reportsOn: 'previous', version: '0',
  };
  const errorsOf = (values: Record<string, unknown>) => {
    const result = obligationUpdateSchema.safeParse({ ...form, ...values });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('accepts a yearly obligation and builds its recurrence', () => {
    const result = obligationUpdateSchema.parse(form);
    expect(result.recurrence).toEqual({ kind: 'yearly', interval: 1, monthDay: '06-30' });
  });

  it.each([
    ['N of 0', { recurrenceInterval: '0' }, 'recurrenceInterval', 'obligations:form.intervalPositive'],
    ['N below 0', { recurrenceInterval: '-2' }, 'recurrenceInterval', 'obligations:form.intervalPositive'],
    ['an end before the start', { endsOn: '2025-12-31' }, 'endsOn', 'obligations:form.endBeforeStart'],
    ['a lead time longer than the interval', { leadTimeDays: '366' }, 'leadTimeDays', 'obligations:form.leadTimeExceedsInterval'],
    ['31 April', { recurrenceMonth: '4', recurrenceDay: '31' }, 'recurrenceDay', 'obligations:form.noSuchDate'],
    ['nobody to account to', { forum: '' }, 'forum', 'obligations:form.toWhomRequired'],
    ['a day 32', { recurrenceKind: 'monthly', recurrenceDay: '32' }, 'recurrenceDay', 'obligations:form.dayOfMonth'],
  ])('refuses %s at its field', (_, values, field, message) => {
    expect(errorsOf(values)).toEqual({ [field]: message });
  });

  it('29 February is a yearly date (the 28th in common years)', () => {
    expect(errorsOf({ recurrenceMonth: '2', recurrenceDay: '29' })).toEqual({});
  });
});

describe('the calendar filters from the URL', () => {
  const parse = (query: string) => parseMomentFilters(new URLSearchParams(query), 7);

  it('a search term is trimmed; blank or overlong is no search', () => {
    expect(parse('q=%20%20Cli%C3%ABntenraad%20').q).toBe('Cliëntenraad');
    expect(parse('q=%20%20').q).toBeUndefined();
    expect(parse(`q=${'a'.repeat(MAX_MOMENT_SEARCH + 1)}`).q).toBeUndefined();
  });

  it('keeps the id filters beside the search, drops bad ones, resolves "me"', () => {
    expect(parse('q=raad&stakeholderId=3&obligationId=x&responsible=me')).toMatchObject({ q: 'raad', stakeholderId: 3, obligationId: undefined, responsible: 7, responsibleParam: 'me' });
  });
});
