import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { changeAgreementStatus, createAgreement, updateAgreement } from '~/modules/agreements/mutations.server';
import { listAgreements, listReviewsComingDue } from '~/modules/agreements/queries.server';
import { AGREEMENT_STATUSES, allowedTransitions, canTransition, isClosing, isReopening, reviewState, termProblems } from '~/modules/agreements/rules';
import { recordRendering, waiveMoment } from '~/modules/obligations/mutations.server';
import { Agreement, AgreementParty, AuditEvent, Obligation, Op, ReportingMoment } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import { parseListParams } from '~/utils/list-params';
import { makeAgreement, makeObligation, makeWorld, type World } from './obligations-fixtures';

describe('the agreement lifecycle (pure)', () => {
  it.each([
    ['draft', ['active', 'terminated']],
    ['active', ['fulfilled', 'terminated', 'expired']],
    ['fulfilled', ['active']],
    ['terminated', ['active']],
    ['expired', ['active']],
  ] as const)('from %s: %j', (from, to) => {
    expect(allowedTransitions(from)).toEqual(to);
    for (const status of AGREEMENT_STATUSES) expect(canTransition(from, status)).toBe((to as readonly string[]).includes(status));
  });

  it('reopening is a closed agreement becoming active again', () => {
    expect(isReopening('fulfilled', 'active')).toBe(true);
    expect(isReopening('draft', 'active')).toBe(false);
  });

  it.each([
    ['active', 'fulfilled', true], ['active', 'terminated', true], ['active', 'expired', true], ['draft', 'terminated', true],
    ['draft', 'active', false], ['terminated', 'active', false],
  ] as const)('%s → %s closes: %s', (from, to, closes) => {
    expect(isClosing(from, to)).toBe(closes);
  });

  it.each([
    [{ startsOn: '2026-01-01', endsOn: null }, { startsOn: '2026-01-01', endsOn: null }, {}],
    [{ startsOn: '2026-01-01', endsOn: null }, { startsOn: '2025-12-31', endsOn: null }, { startsOn: 'before-term' }],
    [{ startsOn: '2026-01-01', endsOn: '2029-12-31' }, { startsOn: '2026-01-01', endsOn: null }, { endsOn: 'needs-end' }],
    [{ startsOn: '2026-01-01', endsOn: '2029-12-31' }, { startsOn: '2026-01-01', endsOn: '2029-12-31' }, {}],
    [{ startsOn: '2026-01-01', endsOn: '2029-12-31' }, { startsOn: '2026-01-01', endsOn: '2030-01-01' }, { endsOn: 'after-term' }],
  ])('term %j, span %j: %j', (term, span, problems) => {
    expect(termProblems(term, span)).toEqual(problems);
  });

  it.each([
    [null, 'none'], ['2026-03-09', 'overdue'], ['2026-03-10', 'coming-due'], ['2026-04-09', 'coming-due'], ['2026-04-10', 'later'],
  ] as const)('review on %s, today 2026-03-10, 30 days: %s', (reviewOn, state) => {
    expect(reviewState(reviewOn, '2026-03-10', 30)).toBe(state);
  });
});

describe('agreements in the database', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });

  it('is created as a draft with its parties (tripartite), audited', async () => {
    const { id } = await createAgreement(SYSTEM_ACTOR, {
      institutionId: world.college.id, title: 'Prestatieafspraken', kind: 'performance-agreement', direction: 'mutual',
      startsOn: '2026-01-01', stakeholderIds: [world.municipality.id, world.studentCouncil.id],
    });
    expect(await Agreement.findByPk(id)).toMatchObject({ status: 'draft', version: 0 });
    expect(await AgreementParty.count({ where: { agreementId: id } })).toBe(2);
    const [event] = await AuditEvent.findAll({ where: { entity: 'agreement', entityId: String(id) } });
    expect(event.changes).toMatchObject({ stakeholderIds: [null, [world.municipality.id, world.studentCouncil.id].sort((a, b) => a - b)] });
  });

  it('refuses another institution\'s stakeholder, and writes nothing', async () => {
    const before = await Agreement.count();
    const error = await createAgreement(SYSTEM_ACTOR, {
      institutionId: world.college.id, title: 'X', kind: 'covenant', direction: 'we-owe', startsOn: '2026-01-01',
      stakeholderIds: [world.foreignStakeholder.id],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({ stakeholderIds: 'common:errors.invalidChoice' });
    expect(await Agreement.count()).toBe(before);
  });

  it('walks the lifecycle; a refused step and a stale version change nothing; reopening is its own audited action', async () => {
    const { id } = await makeAgreement(world.college, [world.municipality.id]);
    const target = { institutionId: world.college.id, agreementId: id };
    await changeAgreementStatus(SYSTEM_ACTOR, { ...target, status: 'active', version: 0 });
    const refused = await changeAgreementStatus(SYSTEM_ACTOR, { ...target, status: 'draft', version: 1 }).catch((e: unknown) => e);
    expect((refused as DomainError).fieldErrors).toEqual({ status: 'agreements:status.notAllowed' });
    await changeAgreementStatus(SYSTEM_ACTOR, { ...target, status: 'fulfilled', version: 1 });
    const stale = await changeAgreementStatus(SYSTEM_ACTOR, { ...target, status: 'active', version: 1 }).catch((e: unknown) => e);
    expect((stale as DomainError).code).toBe('conflict');
    await changeAgreementStatus(SYSTEM_ACTOR, { ...target, status: 'active', version: 2, reason: 'The municipality asked for a follow-up' });
    const events = await AuditEvent.findAll({ where: { entity: 'agreement', entityId: String(id) }, order: [['id', 'ASC']] });
    expect(events.map((e) => e.action)).toEqual(['create', 'activate', 'fulfil', 'reopen']);
    expect(events[3].changes).toEqual({ status: ['fulfilled', 'active'], reason: [null, 'The municipality asked for a follow-up'] });
  });

  it('the term cannot shrink past an obligation under the agreement', async () => {
    const { id } = await makeAgreement(world.college, [world.municipality.id], { startsOn: '2026-01-01', endsOn: '2029-12-31' });
    await makeObligation(world.college, { responsibleUserId: world.secretary.id, agreementId: id, endsOn: '2029-12-31' }, '2026-01-01');
    const error = await updateAgreement(SYSTEM_ACTOR, {
      institutionId: world.college.id, agreementId: id, version: 0, title: 'Shorter', kind: 'performance-agreement', direction: 'mutual',
      startsOn: '2026-01-01', endsOn: '2027-12-31', stakeholderIds: [world.municipality.id],
    }).catch((e: unknown) => e);
    expect((error as DomainError).fieldErrors).toEqual({ endsOn: 'agreements:form.obligationsOutsideTerm' });
    expect((await Agreement.findByPk(id))!.title).not.toBe('Shorter');
  });

  it('lists with filters in SQL, and the dashboard gets the reviews coming due', async () => {
    const { id } = await createAgreement(SYSTEM_ACTOR, {
      institutionId: world.college.id, title: 'Review soon', kind: 'covenant', direction: 'they-owe', startsOn: '2026-01-01',
      reviewOn: '2026-03-20', stakeholderIds: [world.studentCouncil.id],
    });
    await createAgreement(SYSTEM_ACTOR, {
      institutionId: world.college.id, title: 'Review later', kind: 'covenant', direction: 'they-owe', startsOn: '2026-01-01',
      reviewOn: '2026-12-20', stakeholderIds: [world.studentCouncil.id],
    });
    const reviews = await listReviewsComingDue(world.college.id, '2026-03-10', 30);
    expect(reviews).toEqual([{ id, title: 'Review soon', reviewOn: '2026-03-20', status: 'draft', overdue: false }]);

    const params = parseListParams(new URLSearchParams('sort=title'), ['title', 'startsOn', 'endsOn', 'reviewOn', 'status'], { sort: 'title' });
    const page = await listAgreements(world.college.id, { kind: 'covenant', stakeholderId: world.studentCouncil.id }, params);
    expect(page.rows.map((r) => r.title)).toEqual(['Review later', 'Review soon']);
    expect(page.rows[0].parties).toEqual([{ id: world.studentCouncil.id, name: 'Studentenraad' }]);
    const other = await listAgreements(world.corporation.id, {}, params);
    expect(other.rows.map((r) => r.title)).not.toContain('Review soon');
  });
});

describe('closing an agreement and its obligations', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /**
   * An active, open-ended agreement from 2026-01-01 with three obligations made on 2026-01-01:
   * quarterly (moments 15 Jan, Apr, Jul, Oct 2026 and 2027), a one-off due 1 December 2026, and one
   * that already ends on 31 March 2026.
   */
  async function closingCase(title: string) {
    const { id: agreementId } = await makeAgreement(world.college, [world.municipality.id], { title });
    const target = { institutionId: world.college.id, agreementId };
    await changeAgreementStatus(SYSTEM_ACTOR, { ...target, status: 'active', version: 0 });
    const base = { responsibleUserId: world.secretary.id, agreementId };
    const quarterly = await makeObligation(world.college, { ...base, title: `${title}: quarterly` }, '2026-01-01');
    const once = await makeObligation(world.college, { ...base, title: `${title}: once`, recurrence: { kind: 'once' }, startsOn: '2026-12-01' }, '2026-01-01');
    const short = await makeObligation(world.college, { ...base, title: `${title}: short`, endsOn: '2026-03-31' }, '2026-01-01');
    return { agreementId, target, quarterly: quarterly.id, once: once.id, short: short.id };
  }

  const dueDates = async (obligationId: number) =>
    (await ReportingMoment.findAll({ where: { obligationId }, order: [['dueOn', 'ASC']] })).map((m) => m.dueOn);
  const momentOn = async (obligationId: number, dueOn: string) => (await ReportingMoment.findOne({ where: { obligationId, dueOn } }))!;
  const eventsOf = async (entity: string, ids: number[]) =>
    (await AuditEvent.findAll({ where: { entity, entityId: { [Op.in]: ids.map(String) } }, order: [['id', 'ASC']] }))
      .map((e) => ({ entityId: Number(e.entityId), action: e.action, changes: e.changes }));
  const QUARTERLY = ['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15', '2027-04-15', '2027-07-15', '2027-10-15'];

  it('ticked: each obligation ends on the closing date; only later open moments go, rendered and waived ones stay; audited as updates', async () => {
    const c = await closingCase('Ticked');
    expect(await dueDates(c.quarterly)).toEqual(QUARTERLY);
    // Rendered ahead of time, and waived: both after the closing date, both stay on the record.
    const october = await momentOn(c.quarterly, '2026-10-15');
    await recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: october.id, renderedOn: '2026-06-01', version: 0 }, '2026-06-01');
    const january = await momentOn(c.quarterly, '2027-01-15');
    await waiveMoment(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: january.id, reason: 'Merged with the annual report', version: 0 }, '2026-06-01');

    // Recorded in September for an agreement terminated at the end of June: the July moment, overdue by now, falls after the end.
    await changeAgreementStatus(SYSTEM_ACTOR, {
      ...c.target, status: 'terminated', version: 1, closedOn: '2026-06-30', endObligationIds: [c.quarterly, c.once, c.short],
    }, '2026-09-01');

    expect(await Agreement.findByPk(c.agreementId)).toMatchObject({ status: 'terminated', version: 2 });
    expect(await Obligation.findByPk(c.quarterly)).toMatchObject({ endsOn: '2026-06-30', active: true, version: 1 });
    expect(await dueDates(c.quarterly)).toEqual(['2026-01-15', '2026-04-15', '2026-10-15', '2027-01-15']);
    expect((await momentOn(c.quarterly, '2026-10-15')).renderedOn).toBe('2026-06-01');
    // A one-off due after the closing date cannot end before it starts: it is no longer active, its moment goes.
    expect(await Obligation.findByPk(c.once)).toMatchObject({ endsOn: null, active: false });
    expect(await dueDates(c.once)).toEqual([]);
    // Already ending before the closing date: left as it was.
    expect(await Obligation.findByPk(c.short)).toMatchObject({ endsOn: '2026-03-31', active: true, version: 0 });
    expect(await dueDates(c.short)).toEqual(['2026-01-15']);

    const events = (await eventsOf('obligation', [c.quarterly, c.once, c.short])).filter((e) => e.action !== 'create' && e.action !== 'materialise');
    expect(events).toEqual([
      { entityId: c.quarterly, action: 'update', changes: { endsOn: [null, '2026-06-30'] } },
      { entityId: c.quarterly, action: 'regenerate', changes: { removed: [null, 4] } },
      { entityId: c.once, action: 'update', changes: { active: [true, false] } },
      { entityId: c.once, action: 'regenerate', changes: { removed: [null, 1] } },
    ]);
    const closed = (await eventsOf('agreement', [c.agreementId])).at(-1);
    expect(closed).toMatchObject({ action: 'terminate', changes: { status: ['active', 'terminated'], closedOn: [null, '2026-06-30'] } });
  });

  it('closing on a day still ahead keeps the moments up to it', async () => {
    const c = await closingCase('Ahead');
    await changeAgreementStatus(SYSTEM_ACTOR, { ...c.target, status: 'fulfilled', version: 1, closedOn: '2027-03-31', endObligationIds: [c.quarterly] }, '2026-09-01');
    expect(await dueDates(c.quarterly)).toEqual(QUARTERLY.slice(0, 5));
  });

  it('unticked: the obligations run on; reopening restarts nothing', async () => {
    const c = await closingCase('Unticked');
    await changeAgreementStatus(SYSTEM_ACTOR, { ...c.target, status: 'expired', version: 1, closedOn: '2026-06-30' }, '2026-09-01');
    expect(await Obligation.findByPk(c.quarterly)).toMatchObject({ endsOn: null, active: true, version: 0 });
    expect(await dueDates(c.quarterly)).toEqual(QUARTERLY);

    const d = await closingCase('Reopened');
    await changeAgreementStatus(SYSTEM_ACTOR, { ...d.target, status: 'terminated', version: 1, closedOn: '2026-06-30', endObligationIds: [d.quarterly, d.once] }, '2026-09-01');
    await changeAgreementStatus(SYSTEM_ACTOR, { ...d.target, status: 'active', version: 2, endObligationIds: [d.quarterly] }, '2026-09-02');
    expect(await Obligation.findByPk(d.quarterly)).toMatchObject({ endsOn: '2026-06-30', active: true, version: 1 });
    expect(await Obligation.findByPk(d.once)).toMatchObject({ active: false });
    expect(await dueDates(d.quarterly)).toEqual(['2026-01-15', '2026-04-15']);
  });

  it('refuses a closing date before the start, and an obligation of another institution, writing nothing', async () => {
    const c = await closingCase('Refused');
    // Another institution's obligation pointing at this agreement (the foreign key alone does not stop it).
    const foreign = await makeObligation(world.corporation, { responsibleUserId: world.otherSecretary.id, title: 'Foreign' }, '2026-01-01');
    await Obligation.update({ agreementId: c.agreementId }, { where: { id: foreign.id } });
    const auditBefore = await AuditEvent.count();
    const momentsBefore = await ReportingMoment.count();

    const early = await changeAgreementStatus(SYSTEM_ACTOR, {
      ...c.target, status: 'terminated', version: 1, closedOn: '2025-12-31', endObligationIds: [c.quarterly],
    }, '2026-09-01').catch((e: unknown) => e);
    expect((early as DomainError).fieldErrors).toEqual({ closedOn: 'agreements:close.beforeStart' });

    const foreignOne = await changeAgreementStatus(SYSTEM_ACTOR, {
      ...c.target, status: 'terminated', version: 1, closedOn: '2026-06-30', endObligationIds: [c.quarterly, foreign.id],
    }, '2026-09-01').catch((e: unknown) => e);
    expect((foreignOne as DomainError).fieldErrors).toEqual({ endObligations: 'agreements:close.unknownObligation' });

    expect(await Agreement.findByPk(c.agreementId)).toMatchObject({ status: 'active', version: 1 });
    expect(await Obligation.findByPk(c.quarterly)).toMatchObject({ endsOn: null, version: 0 });
    expect(await AuditEvent.count()).toBe(auditBefore);
    expect(await ReportingMoment.count()).toBe(momentsBefore);

    // Closing with this agreement's own obligations leaves the foreign one running.
    await changeAgreementStatus(SYSTEM_ACTOR, { ...c.target, status: 'terminated', version: 1, closedOn: '2026-06-30', endObligationIds: [c.quarterly] }, '2026-09-01');
    expect(await Obligation.findByPk(foreign.id)).toMatchObject({ endsOn: null, active: true, version: 0 });
    expect(await ReportingMoment.count({ where: { obligationId: foreign.id } })).toBe(QUARTERLY.length);
  });

  it('is one transaction: a failure half-way leaves the agreement, every obligation, moment and audit event as it was', async () => {
    const c = await closingCase('Half-way');
    const auditBefore = await AuditEvent.count();
    const original = ReportingMoment.destroy.bind(ReportingMoment);
    // The first obligation's moments go; the second's removal fails.
    vi.spyOn(ReportingMoment, 'destroy')
      .mockImplementationOnce((options) => original(options))
      .mockImplementationOnce(() => Promise.reject(new Error('disk full')));

    const error = await changeAgreementStatus(SYSTEM_ACTOR, {
      ...c.target, status: 'terminated', version: 1, closedOn: '2026-06-30', endObligationIds: [c.quarterly, c.once],
    }, '2026-09-01').catch((e: unknown) => e);
    expect((error as Error).message).toBe('disk full');
    expect(ReportingMoment.destroy).toHaveBeenCalledTimes(2);

    expect(await Agreement.findByPk(c.agreementId)).toMatchObject({ status: 'active', version: 1 });
    expect(await Obligation.findByPk(c.quarterly)).toMatchObject({ endsOn: null, active: true, version: 0 });
    expect(await Obligation.findByPk(c.once)).toMatchObject({ active: true, version: 0 });
    expect(await dueDates(c.quarterly)).toEqual(QUARTERLY);
    expect(await dueDates(c.once)).toEqual(['2026-12-01']);
    expect(await AuditEvent.count()).toBe(auditBefore);
  });
});
