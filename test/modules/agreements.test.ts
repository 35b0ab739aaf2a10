import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { changeAgreementStatus, createAgreement, updateAgreement } from '~/modules/agreements/mutations.server';
import { listAgreements, listReviewsComingDue } from '~/modules/agreements/queries.server';
import { AGREEMENT_STATUSES, allowedTransitions, canTransition, isReopening, reviewState, termProblems } from '~/modules/agreements/rules';
import { Agreement, AgreementParty, AuditEvent } from '~/utils/db.server';
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
