import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { setPartyActive } from '~/modules/parties/mutations.server';
import { getStakeholder, listAssessments, listInterestsByTheme, listMapPoints, listStakeholders, listThemes, streamStakeholders } from '~/modules/stakeholders/queries.server';
import { completeFollowUp, recordEngagement } from '~/modules/stakeholders/engagement-mutations.server';
import { listEngagements, listOpenFollowUps, listStakeholderEngagements } from '~/modules/stakeholders/engagement-queries.server';
import { createInterest, createStakeholder, createTheme, moveTheme, updateStakeholder, updateTheme } from '~/modules/stakeholders/mutations.server';
import { mendelowQuadrant, mitchellClass, mitchellClassSql, quadrantSql } from '~/modules/stakeholders/rules';
import { parseStakeholderFilters, type StakeholderSort } from '~/modules/stakeholders/schema';
import { AuditEvent, db, Engagement, Person, QueryTypes, SalienceAssessment, Stakeholder } from '~/utils/db.server';
import { parseListParams } from '~/utils/list-params';
import { STAKEHOLDER_SORTS } from '~/modules/stakeholders/schema';
import { makeInstitution, makeMember } from '../support/factories';
import {
  assess, engage, makeOrganisation, makeOrganisationStakeholder, makePerson, makePosition, makeRegisteredStakeholder,
} from './stakeholders-fixtures';

let college: { id: number };
let other: { id: number };
let owner: { id: number; name: string };

beforeAll(async () => {
  college = await makeInstitution();
  other = await makeInstitution();
  owner = await makeMember(college, 'secretary', { name: 'Olga Owner' });
});

afterEach(() => {
  delete process.env.HORIZON_TODAY;
});

/** The SQL statements `work` sends, as Sequelize logs them (values inlined). */
async function capturedSql(work: () => Promise<unknown>): Promise<string[]> {
  // Sequelize reads `options.logging` on every query; its typings leave `options` out.
  const sequelize = (await db()) as unknown as { options: { logging: unknown } };
  const statements: string[] = [];
  const previous = sequelize.options.logging;
  // SQLite quotes names with backticks, PostgreSQL with double quotes: compare in one form.
  sequelize.options.logging = (sql: string) => statements.push(sql.replace(/`/g, `"`));
  try {
    await work();
  } finally {
    sequelize.options.logging = previous;
  }
  return statements;
}

const listParams = (query: string) => parseListParams(new URLSearchParams(query), STAKEHOLDER_SORTS, { sort: 'name' });

describe('the register filters, sorts and pages in SQL', () => {
  let institution: { id: number };
  beforeAll(async () => {
    institution = await makeInstitution();
    await makeMember(institution, 'manager', { name: 'Mia Manager' }).then(async (manager) => {
      const a = await makeOrganisationStakeholder(institution, 'Gemeente Alfa', { category: 'government', tier: 'a', ownerUserId: manager.id });
      const b = await makeOrganisationStakeholder(institution, 'Inspectie Beta', { category: 'regulator', tier: 'a' });
      const c = await makeOrganisationStakeholder(institution, 'Gemeente Gamma', { category: 'government', tier: 'b', ownerUserId: manager.id });
      await makeOrganisationStakeholder(institution, 'Gemeente Delta', { category: 'government', tier: 'a', status: 'dormant' });
      await assess(institution, a, { assessedOn: '2026-01-01', power: 5, interest: 4, legitimacy: true, urgency: true });
      await assess(institution, b, { assessedOn: '2026-01-01', power: 4, interest: 1, legitimacy: true });
      await assess(institution, c, { assessedOn: '2026-01-01', power: 2, interest: 5 });
    });
  });

  it('carries each filter, the ORDER BY and the LIMIT in the statement, and returns the matching page', async () => {
    const manager = (await Stakeholder.findOne({ where: { institutionId: institution.id, name: 'Gemeente Alfa' } }))!.ownerUserId!;
    const url = `category=government&tier=a&quadrant=manage-closely&mitchellClass=definitive&owner=${manager}&status=active&q=alf&sort=power&dir=desc&perPage=25&page=1`;
    const searchParams = new URLSearchParams(url);
    let page: Awaited<ReturnType<typeof listStakeholders>> | undefined;
    const sql = (await capturedSql(async () => {
      page = await listStakeholders(institution.id, parseStakeholderFilters(searchParams), listParams(url));
    })).join('\n');
    expect(sql).toContain(`s.institution_id = ${institution.id}`);
    expect(sql).toContain(`s.category = 'government'`);
    expect(sql).toContain(`s.tier = 'a'`);
    expect(sql).toContain(`s.quadrant = 'manage-closely'`);
    expect(sql).toContain(`s.mitchell_class = 'definitive'`);
    expect(sql).toContain(`s.owner_user_id = ${manager}`);
    expect(sql).toContain(`s.status = 'active'`);
    expect(sql).toContain(`lower(s.name) LIKE '%alf%' ESCAPE`);
    expect(sql).toContain('ORDER BY s.power DESC NULLS LAST, s.name ASC, s.id ASC');
    expect(sql).toMatch(/LIMIT (25|0, 25)/);
    expect(page!.total).toBe(1);
    expect(page!.rows.map((r) => [r.name, r.ownerName, r.quadrant, r.mitchellClass])).toEqual([['Gemeente Alfa', 'Mia Manager', 'manage-closely', 'definitive']]);
  });

  it('sorts by every column it offers, missing values last, and pages with LIMIT and OFFSET', async () => {
    for (const sort of STAKEHOLDER_SORTS) {
      const page = await listStakeholders(institution.id, {}, listParams(`sort=${sort}&dir=asc`));
      expect(page.total, sort).toBe(4);
    }
    const byPower = await listStakeholders(institution.id, {}, listParams('sort=power&dir=asc'));
    expect(byPower.rows.map((r) => r.power)).toEqual([2, 4, 5, null]);
    const byPowerDesc = await listStakeholders(institution.id, {}, listParams('sort=power&dir=desc'));
    expect(byPowerDesc.rows.map((r) => r.power)).toEqual([5, 4, 2, null]);
    const byQuadrant = await listStakeholders(institution.id, {}, listParams('sort=quadrant&dir=asc'));
    expect(byQuadrant.rows.map((r) => r.quadrant)).toEqual(['manage-closely', 'keep-satisfied', 'keep-informed', null]);
    const byQuadrantDesc = await listStakeholders(institution.id, {}, listParams('sort=quadrant&dir=desc'));
    expect(byQuadrantDesc.rows.map((r) => r.quadrant)).toEqual(['keep-informed', 'keep-satisfied', 'manage-closely', null]);
    const byAssessedDesc = await listStakeholders(institution.id, {}, listParams('sort=assessedOn&dir=desc'));
    expect(byAssessedDesc.rows.map((r) => [r.name, r.assessedOn])).toEqual([
      ['Gemeente Alfa', '2026-01-01'], ['Gemeente Gamma', '2026-01-01'], ['Inspectie Beta', '2026-01-01'], ['Gemeente Delta', null],
    ]);
    const byOwnerDesc = await listStakeholders(institution.id, {}, listParams('sort=owner&dir=desc'));
    expect(byOwnerDesc.rows.map((r) => r.ownerName)).toEqual(['Mia Manager', 'Mia Manager', null, null]);

    const sql = (await capturedSql(() => listStakeholders(institution.id, {}, listParams('sort=name&perPage=25&page=2')))).join('\n');
    expect(sql).toMatch(/LIMIT (25 OFFSET 25|25, 25)/);
  });

  it('filters stakeholders that were never assessed and those without an owner', async () => {
    const unassessed = await listStakeholders(institution.id, { quadrant: 'unassessed' }, listParams(''));
    expect(unassessed.rows.map((r) => r.name)).toEqual(['Gemeente Delta']);
    const ownerless = await listStakeholders(institution.id, { owner: 'none' }, listParams(''));
    expect(ownerless.rows.map((r) => r.name)).toEqual(['Gemeente Delta', 'Inspectie Beta']);
  });

  it('ignores a filter value that is not on offer', () => {
    expect(parseStakeholderFilters(new URLSearchParams('category=pirates&tier=z&quadrant=&owner=abc&status=active'))).toEqual({ status: 'active' });
  });

  it('exports the same rows in the same order as the list shows over all its pages', async () => {
    const filters = { category: 'government' as const };
    const params = listParams('sort=tier&dir=desc&perPage=25');
    const listed = (await listStakeholders(institution.id, filters, { ...params, perPage: 25 })).rows;
    const streamed = [];
    for await (const batch of streamStakeholders(institution.id, filters, params, 2)) streamed.push(...batch);
    expect(streamed).toEqual(listed);
    expect(listed.map((r) => r.name)).toEqual(['Gemeente Gamma', 'Gemeente Alfa', 'Gemeente Delta']);
  });

  it('counts tiers and categories in SQL, every key listed', async () => {
    const { tiers, categories } = (await listStakeholders(institution.id, {}, listParams(''))).distribution;
    expect(tiers).toEqual([{ key: 'a', count: 3 }, { key: 'b', count: 1 }, { key: 'c', count: 0 }]);
    expect(categories.find((c) => c.key === 'government')).toEqual({ key: 'government', count: 3 });
    expect(categories.find((c) => c.key === 'funder')).toEqual({ key: 'funder', count: 0 });
    const filtered = await listStakeholders(institution.id, { status: 'active', category: 'government' }, listParams(''));
    expect(filtered.total).toBe(2);
    expect(filtered.distribution.tiers).toEqual([{ key: 'a', count: 1 }, { key: 'b', count: 1 }, { key: 'c', count: 0 }]);
  });

  it('shows assessed stakeholders that have not ended on the map, by category', async () => {
    expect((await listMapPoints(institution.id, {})).map((p) => p.name)).toEqual(['Gemeente Alfa', 'Inspectie Beta', 'Gemeente Gamma']);
    expect((await listMapPoints(institution.id, { category: 'regulator' })).map((p) => [p.name, p.power, p.interest])).toEqual([['Inspectie Beta', 4, 1]]);
  });
});

describe('salience assessments', () => {
  it('store their quadrant and class; the register keeps the latest and a back-dated one joins the history only', async () => {
    const stakeholder = await makeOrganisationStakeholder(college, 'Waterschap Vallei');
    await assess(college, stakeholder, { assessedOn: '2026-03-01', power: 2, interest: 4, urgency: true });
    expect(await Stakeholder.findByPk(stakeholder.id)).toMatchObject({ power: 2, interest: 4, quadrant: 'keep-informed', mitchellClass: 'demanding', assessedOn: '2026-03-01' });

    const backdated = await assess(college, stakeholder, { assessedOn: '2025-06-01', power: 5, interest: 5, legitimacy: true, urgency: true });
    expect(backdated.latest).toBe(false);
    expect(await Stakeholder.findByPk(stakeholder.id)).toMatchObject({ power: 2, quadrant: 'keep-informed', assessedOn: '2026-03-01' });

    const sameDay = await assess(college, stakeholder, { assessedOn: '2026-03-01', power: 3, interest: 3, legitimacy: true });
    expect(sameDay.latest).toBe(true);
    expect(await Stakeholder.findByPk(stakeholder.id)).toMatchObject({ power: 3, interest: 3, quadrant: 'manage-closely', mitchellClass: 'dominant' });

    const history = await listAssessments(college.id, stakeholder.id);
    expect(history.map((a) => [a.assessedOn, a.quadrant, a.mitchellClass])).toEqual([
      ['2026-03-01', 'manage-closely', 'dominant'], ['2026-03-01', 'keep-informed', 'demanding'], ['2025-06-01', 'manage-closely', 'definitive'],
    ]);
    expect(await AuditEvent.count({ where: { entity: 'stakeholder', entityId: String(stakeholder.id), action: 'assess' } })).toBe(3);
  });

  it('the stored values, the pure rules and their SQL twins agree on the whole grid', async () => {
    const stakeholder = await makeOrganisationStakeholder(college, 'Rasterbureau');
    let day = 1;
    for (let power = 1; power <= 5; power += 1) {
      for (let interest = 1; interest <= 5; interest += 1) {
        for (const [legitimacy, urgency] of [[false, false], [true, false], [false, true], [true, true]] as const) {
          await assess(college, stakeholder, { assessedOn: `2020-01-${String((day++ % 28) + 1).padStart(2, '0')}`, power, interest, legitimacy, urgency });
        }
      }
    }
    const sequelize = await db();
    const rows = await sequelize.query<{ power: number; interest: number; legitimacy: boolean | number; urgency: boolean | number; quadrant: string; mitchell_class: string; quadrant_sql: string; class_sql: string }>(
      `SELECT power, interest, legitimacy, urgency, quadrant, mitchell_class,
        ${quadrantSql('power', 'interest')} AS quadrant_sql, ${mitchellClassSql('power', 'legitimacy', 'urgency')} AS class_sql
       FROM salience_assessments WHERE stakeholder_id = :id`,
      { replacements: { id: stakeholder.id }, type: QueryTypes.SELECT },
    );
    expect(rows).toHaveLength(100);
    for (const row of rows) {
      const expectedQuadrant = mendelowQuadrant(row.power, row.interest);
      const expectedClass = mitchellClass(row.power, Boolean(row.legitimacy), Boolean(row.urgency));
      expect([row.quadrant, row.quadrant_sql]).toEqual([expectedQuadrant, expectedQuadrant]);
      expect([row.mitchell_class, row.class_sql]).toEqual([expectedClass, expectedClass]);
    }
    expect(await SalienceAssessment.count({ where: { stakeholderId: stakeholder.id } })).toBe(100);
  });
});

describe('stakeholders of the institution', () => {
  it('are made from the institution’s own active parties, once each', async () => {
    const foreign = await makeOrganisation(other, { name: 'Elders' });
    await expect(makeRegisteredStakeholder(college, { kind: 'organisation', id: foreign.id })).rejects.toMatchObject({ code: 'not-found' });
    const organisation = await makeOrganisation(college, { name: 'Eenmalig' });
    await makeRegisteredStakeholder(college, { kind: 'organisation', id: organisation.id });
    await expect(makeRegisteredStakeholder(college, { kind: 'organisation', id: organisation.id }))
      .rejects.toMatchObject({ fieldErrors: { partyId: 'stakeholders:errors.alreadyStakeholder' } });
    const gone = await makeOrganisation(college, { name: 'Opgeheven' });
    await setPartyActive(SYSTEM_ACTOR, { institutionId: college.id, kind: 'organisation', id: gone.id, active: false, version: 0 });
    await expect(makeRegisteredStakeholder(college, { kind: 'organisation', id: gone.id }))
      .rejects.toMatchObject({ fieldErrors: { partyId: 'stakeholders:errors.partyInactive' } });
  });

  it('refuse an owner who is not a secretary or manager of the institution', async () => {
    const outsider = await makeMember(other, 'manager');
    const organisation = await makeOrganisation(college, { name: 'Eigenaarloos' });
    await expect(createStakeholder(SYSTEM_ACTOR, {
      institutionId: college.id, partyKind: 'organisation', partyId: organisation.id, category: 'partner', tier: 'c', status: 'active', ownerUserId: outsider.id,
    })).rejects.toMatchObject({ code: 'not-found', fieldErrors: { ownerUserId: 'stakeholders:errors.ownerNotFound' } });
    expect(await Stakeholder.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it('record a tier with its rationale, and a stale edit is refused', async () => {
    const s = await makeOrganisationStakeholder(college, 'Bedrijvenkring');
    await updateStakeholder(SYSTEM_ACTOR, {
      institutionId: college.id, stakeholderId: s.id, version: 0, category: 'field', tier: 'b', tierRationale: 'Stageplaatsen voor 40 studenten', status: 'active', ownerUserId: owner.id,
    });
    expect(await getStakeholder(college.id, s.id)).toMatchObject({ tier: 'b', tierRationale: 'Stageplaatsen voor 40 studenten', ownerName: 'Olga Owner', party: { kind: 'organisation', name: 'Bedrijvenkring' } });
    await expect(updateStakeholder(SYSTEM_ACTOR, { institutionId: college.id, stakeholderId: s.id, version: 0, category: 'field', tier: 'a', status: 'active' }))
      .rejects.toMatchObject({ code: 'conflict' });
    expect(await getStakeholder(other.id, s.id)).toBeNull();
  });
});

describe('interests and themes', () => {
  it('groups the institution’s interests by theme and counts the stakeholders that share each', async () => {
    const institution = await makeInstitution();
    const housing = await createTheme(SYSTEM_ACTOR, { institutionId: institution.id, name: 'Betaalbaar wonen' });
    const safety = await createTheme(SYSTEM_ACTOR, { institutionId: institution.id, name: 'Veiligheid' });
    await expect(createTheme(SYSTEM_ACTOR, { institutionId: institution.id, name: 'Veiligheid' })).rejects.toMatchObject({ fieldErrors: { name: 'stakeholders:errors.themeTaken' } });
    const a = await makeOrganisationStakeholder(institution, 'Huurdersvereniging');
    const b = await makeOrganisationStakeholder(institution, 'Gemeente Wonen');
    const interest = (stakeholder: { id: number }, title: string, themeId?: number) =>
      createInterest(SYSTEM_ACTOR, { institutionId: institution.id, stakeholderId: stakeholder.id, title, themeId, priority: 'medium', status: 'active' });
    await interest(a, 'Huren omlaag', housing.id);
    await interest(b, 'Meer sociale huur', housing.id);
    await interest(b, 'Cameratoezicht', safety.id);
    await interest(a, 'Algemeen');

    const themes = await listThemes(institution.id);
    expect(themes.map((t) => [t.name, t.interests, t.stakeholders])).toEqual([['Betaalbaar wonen', 2, 2], ['Veiligheid', 1, 1]]);
    await moveTheme(SYSTEM_ACTOR, { institutionId: institution.id, themeId: safety.id, direction: 'up' });
    await updateTheme(SYSTEM_ACTOR, { institutionId: institution.id, themeId: housing.id, name: 'Wonen', active: false });
    expect((await listThemes(institution.id)).map((t) => [t.name, t.active])).toEqual([['Veiligheid', true], ['Wonen', false]]);
    expect((await listThemes(institution.id, { activeOnly: true })).map((t) => t.name)).toEqual(['Veiligheid']);

    const page = await listInterestsByTheme(institution.id, { status: 'active' }, { perPage: 50, offset: 0 });
    expect(page.rows.map((r) => [r.themeName, r.stakeholderName, r.title])).toEqual([
      ['Veiligheid', 'Gemeente Wonen', 'Cameratoezicht'],
      ['Wonen', 'Gemeente Wonen', 'Meer sociale huur'],
      ['Wonen', 'Huurdersvereniging', 'Huren omlaag'],
      [null, 'Huurdersvereniging', 'Algemeen'],
    ]);
    const foreignTheme = await createTheme(SYSTEM_ACTOR, { institutionId: other.id, name: 'Elders' });
    await expect(interest(a, 'Verkeerd thema', foreignTheme.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the engagement log', () => {
  it('puts a contact on each stakeholder’s timeline and on the organisation timeline of a participant’s position', async () => {
    process.env.HORIZON_TODAY = '2026-04-01';
    const gemeente = await makeOrganisationStakeholder(college, 'Gemeente Tijdlijn');
    const huurders = await makeOrganisationStakeholder(college, 'Huurders Tijdlijn');
    const person = await makePerson(college, { givenName: 'Bas', familyName: 'Tijd' });
    const position = await makePosition(college, person, { id: huurders.organisationId }, 'Voorzitter');
    const interest = await createInterest(SYSTEM_ACTOR, { institutionId: college.id, stakeholderId: gemeente.id, title: 'Nieuwbouw', priority: 'high', status: 'active' });
    const { id } = await engage(college, {
      stakeholderIds: [gemeente.id], participants: [{ kind: 'position', id: position.id }], interestIds: [interest.id], subject: 'Wijkschouw',
      occurredOn: '2026-03-30',
    });
    expect((await listStakeholderEngagements(college.id, gemeente.id)).map((e) => e.id)).toContain(id);
    // Not linked to the tenants' stakeholder, but its chair acted in that position: on its timeline too.
    const onHuurders = await listStakeholderEngagements(college.id, huurders.id);
    expect(onHuurders.map((e) => [e.subject, e.participants.map((p) => `${p.name} (${p.positionTitle}, ${p.organisationName})`)])).toEqual([
      ['Wijkschouw', ['Bas Tijd (Voorzitter, Huurders Tijdlijn)']],
    ]);
    const listed = await listEngagements(college.id, { stakeholderId: gemeente.id }, { perPage: 25, offset: 0, dir: 'desc' });
    expect(listed.rows.map((r) => r.subject)).toEqual(['Wijkschouw']);
  });

  it('refuses another institution’s stakeholder, participant or interest as not found, and an interest of another stakeholder at the field', async () => {
    const mine = await makeOrganisationStakeholder(college, 'Eigen Partij');
    const theirs = await makeOrganisationStakeholder(other, 'Andermans Partij');
    const foreignPerson = await makePerson(other, { givenName: 'Vera', familyName: 'Vreemd' });
    const before = await Engagement.count();
    await expect(engage(college, { stakeholderIds: [mine.id, theirs.id] })).rejects.toMatchObject({ code: 'not-found', fieldErrors: { stakeholderIds: 'stakeholders:errors.linkNotFound' } });
    await expect(engage(college, { stakeholderIds: [mine.id], participants: [{ kind: 'person', id: foreignPerson.id }] })).rejects.toMatchObject({ code: 'not-found' });
    const otherStakeholder = await makeOrganisationStakeholder(college, 'Derde Partij');
    const unrelated = await createInterest(SYSTEM_ACTOR, { institutionId: college.id, stakeholderId: otherStakeholder.id, title: 'Los', priority: 'low', status: 'active' });
    await expect(engage(college, { stakeholderIds: [mine.id], interestIds: [unrelated.id] }))
      .rejects.toMatchObject({ code: 'invalid', fieldErrors: { interestIds: 'stakeholders:errors.interestNotOfStakeholders' } });
    expect(await Engagement.count()).toBe(before);
  });

  it('confirms the participants’ details when asked', async () => {
    process.env.HORIZON_TODAY = '2026-05-05';
    const s = await makeOrganisationStakeholder(college, 'Bevestig BV');
    const person = await makePerson(college, { givenName: 'Cor', familyName: 'Bevestigd', verified: false });
    await recordEngagement(SYSTEM_ACTOR, {
      institutionId: college.id, occurredOn: '2026-05-05', channel: 'phone', direction: 'outbound', subject: 'Bellen', stakeholderIds: [s.id],
      participants: [{ kind: 'person', id: person.id }], interestIds: [], confirmParticipants: true,
    });
    expect(await Person.findByPk(person.id)).toMatchObject({ lastVerifiedOn: '2026-05-05' });
  });

  it('lists open follow-ups earliest due first for the dashboard, and ticks one off', async () => {
    process.env.HORIZON_TODAY = '2026-06-10';
    const institution = await makeInstitution();
    const manager = await makeMember(institution, 'manager', { name: 'Femke Follow' });
    const s = await makeOrganisationStakeholder(institution, 'Opvolging BV');
    const later = await engage(institution, { stakeholderIds: [s.id], subject: 'Later', followUp: 'Notulen sturen', followUpDueOn: '2026-07-01', followUpOwnerUserId: manager.id, occurredOn: '2026-06-01' });
    const overdue = await engage(institution, { stakeholderIds: [s.id], subject: 'Te laat', followUp: 'Offerte', followUpDueOn: '2026-06-05', occurredOn: '2026-06-01' });
    const undated = await engage(institution, { stakeholderIds: [s.id], subject: 'Ooit', followUp: 'Terugbellen', occurredOn: '2026-06-02' });
    await engage(institution, { stakeholderIds: [s.id], subject: 'Zonder opvolging', occurredOn: '2026-06-03' });

    const open = await listOpenFollowUps(institution.id, 10);
    expect(open.total).toBe(3);
    expect(open.rows.map((r) => [r.engagementId, r.overdue, r.ownerName])).toEqual([[overdue.id, true, null], [later.id, false, 'Femke Follow'], [undated.id, false, null]]);
    expect(open.rows[0]!.stakeholders).toEqual([{ id: s.id, name: 'Opvolging BV' }]);

    await completeFollowUp(SYSTEM_ACTOR, { institutionId: institution.id, engagementId: overdue.id });
    expect((await listOpenFollowUps(institution.id, 10)).rows.map((r) => r.engagementId)).toEqual([later.id, undated.id]);
    expect(await Engagement.findByPk(overdue.id)).toMatchObject({ followUpDoneOn: '2026-06-10' });
    await expect(completeFollowUp(SYSTEM_ACTOR, { institutionId: other.id, engagementId: later.id })).rejects.toMatchObject({ code: 'not-found' });
  });
});

// Keeps the list of sort keys honest: each one is an option of the register's URL.
const _sorts: readonly StakeholderSort[] = STAKEHOLDER_SORTS;
