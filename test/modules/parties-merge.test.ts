import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { getMergePreview, mergeOrganisations, mergePersons } from '~/modules/parties/merge.server';
import { addHouseholdMember } from '~/modules/parties/mutations.server';
import { createInterest } from '~/modules/stakeholders/mutations.server';
import {
  AgreementParty, AuditEvent, DataSubjectRequest, EngagementParticipant, EngagementStakeholder, HouseholdMember, Interest,
  ObligationStakeholder, Organisation, Person, Position, SalienceAssessment, Stakeholder,
} from '~/utils/db.server';
import { makeInstitution } from '../support/factories';
import {
  assess, engage, linkCommitments, makeHousehold, makeOrganisation, makeOrganisationStakeholder, makePerson, makePosition,
  makeRegisteredStakeholder,
} from './stakeholders-fixtures';

let college: { id: number };
let other: { id: number };

beforeAll(async () => {
  college = await makeInstitution();
  other = await makeInstitution();
});

const eventsOf = (entity: string, id: number) =>
  AuditEvent.findAll({ where: { entity, entityId: String(id), action: 'merge' } }).then((rows) => rows.map((r) => r.changes));

describe('merging persons', () => {
  it('moves positions, household memberships, engagement participation, the stakeholder link and privacy records, and audits both sides', async () => {
    const organisation = await makeOrganisation(college, { name: 'Gemeente Merge' });
    const survivor = await makePerson(college, { givenName: 'Jan', tussenvoegsel: 'de', familyName: 'Boer' });
    const duplicate = await makePerson(college, { initials: 'J.', tussenvoegsel: 'de', familyName: 'Boer', email: 'j.deboer@merge.nl', phone: '0301234567', postcode: '3511 AB', houseNumber: '3', city: 'Utrecht' });
    const position = await makePosition(college, duplicate, organisation, 'Wethouder');
    const household = await makeHousehold(college, { name: 'Familie de Boer' });
    const sharedHousehold = await makeHousehold(college, { name: 'Familie de Boer (oud)' });
    await addHouseholdMember(SYSTEM_ACTOR, { institutionId: college.id, householdId: household.id, personId: duplicate.id });
    await addHouseholdMember(SYSTEM_ACTOR, { institutionId: college.id, householdId: sharedHousehold.id, personId: duplicate.id });
    await addHouseholdMember(SYSTEM_ACTOR, { institutionId: college.id, householdId: sharedHousehold.id, personId: survivor.id });
    const stakeholder = await makeRegisteredStakeholder(college, { kind: 'person', id: duplicate.id }, { category: 'community' });
    const other1 = await makeOrganisationStakeholder(college, 'Gemeente Elders');
    const alone = await engage(college, { stakeholderIds: [other1.id], subject: 'Alleen het duplicaat', participants: [{ kind: 'position', id: position.id }] });
    const together = await engage(college, {
      stakeholderIds: [other1.id], subject: 'Allebei', participants: [{ kind: 'person', id: survivor.id }, { kind: 'position', id: position.id }],
    });
    await DataSubjectRequest.create({
      institutionId: college.id, personId: duplicate.id, requester: 'J. de Boer', kind: 'access', receivedOn: '2026-01-05', dueOn: '2026-02-05',
      extendedTo: null, extensionReason: null, outcome: null, closedOn: null, handledByUserId: null,
    });

    const preview = await getMergePreview('person', { institutionId: college.id, sourceId: duplicate.id, survivorId: survivor.id });
    expect(preview).toMatchObject({
      positions: 1, householdMemberships: 2, engagementParticipations: 2, stakeholder: 'moves', privacyRecords: 1,
      filledFields: { initials: 'J.', email: 'j.deboer@merge.nl', phone: '0301234567', postcode: '3511 AB', houseNumber: '3', city: 'Utrecht' },
    });

    await mergePersons(SYSTEM_ACTOR, { institutionId: college.id, sourceId: duplicate.id, survivorId: survivor.id });

    expect(await Position.findByPk(position.id)).toMatchObject({ personId: survivor.id });
    expect((await HouseholdMember.findAll({ where: { personId: survivor.id } })).map((m) => m.householdId).sort()).toEqual([household.id, sharedHousehold.id].sort());
    expect(await HouseholdMember.count({ where: { personId: duplicate.id } })).toBe(0);
    expect(await EngagementParticipant.findOne({ where: { engagementId: alone.id } })).toMatchObject({ personId: survivor.id, positionId: position.id });
    // Both took part: one participant remains, and it keeps the position only the duplicate had.
    expect((await EngagementParticipant.findAll({ where: { engagementId: together.id } })).map((p) => [p.personId, p.positionId])).toEqual([[survivor.id, position.id]]);
    expect(await Stakeholder.findByPk(stakeholder.id)).toMatchObject({ personId: survivor.id, name: 'Jan de Boer' });
    expect(await DataSubjectRequest.count({ where: { personId: survivor.id } })).toBe(1);

    const merged = await Person.findByPk(duplicate.id);
    expect(merged).toMatchObject({ active: false, mergedIntoId: survivor.id });
    expect(await Person.findByPk(survivor.id)).toMatchObject({ email: 'j.deboer@merge.nl', postcode: '3511 AB', city: 'Utrecht', initials: 'J.', nameKey: 'boer|j' });

    const [onSurvivor] = await eventsOf('person', survivor.id);
    expect(onSurvivor).toMatchObject({
      mergedFrom: [null, `#${duplicate.id} J. de Boer`],
      moved: [null, { positions: 1, householdMemberships: 2, engagementParticipations: 2, privacyRecords: 1 }],
      email: [null, 'j.deboer@merge.nl'],
    });
    expect(await eventsOf('person', duplicate.id)).toEqual([{ mergedIntoId: [null, survivor.id], active: [true, false] }]);
    // The duplicate's own history stays where it was.
    // (It was created despite the likely duplicate: the fixture chose "create anyway".)
    expect(await AuditEvent.count({ where: { entity: 'person', entityId: String(duplicate.id), action: 'create-anyway' } })).toBe(1);
  });

  it('folds two stakeholder records into one: assessments, interests, engagements, agreements and obligations', async () => {
    const survivor = await makePerson(college, { givenName: 'Rik', familyName: 'Mol' });
    const duplicate = await makePerson(college, { initials: 'R.', familyName: 'Mol' });
    const kept = await makeRegisteredStakeholder(college, { kind: 'person', id: survivor.id }, { category: 'community', tier: 'b' });
    const folded = await makeRegisteredStakeholder(college, { kind: 'person', id: duplicate.id }, { category: 'partner', tier: 'a', description: 'Buurtvoorzitter' });
    await assess(college, kept, { assessedOn: '2025-01-01', power: 1, interest: 1 });
    await assess(college, folded, { assessedOn: '2026-01-01', power: 4, interest: 5, legitimacy: true, urgency: true });
    await createInterest(SYSTEM_ACTOR, { institutionId: college.id, stakeholderId: folded.id, title: 'Veilige fietsroute', priority: 'high', status: 'active' });
    const both = await engage(college, { stakeholderIds: [kept.id, folded.id], subject: 'Samen' });
    const onlyFolded = await engage(college, { stakeholderIds: [folded.id], subject: 'Alleen' });
    const commitments = await linkCommitments(college, folded);

    const preview = await getMergePreview('person', { institutionId: college.id, sourceId: duplicate.id, survivorId: survivor.id });
    expect(preview.stakeholder).toBe('folds');
    expect(preview.folded).toEqual({ assessments: 1, interests: 1, engagements: 2, agreements: 1, obligations: 1 });

    await mergePersons(SYSTEM_ACTOR, { institutionId: college.id, sourceId: duplicate.id, survivorId: survivor.id });

    expect(await Stakeholder.findByPk(folded.id)).toBeNull();
    expect(await SalienceAssessment.count({ where: { stakeholderId: kept.id } })).toBe(2);
    // The folded record's assessment is the later one, so it is now the register's latest.
    expect(await Stakeholder.findByPk(kept.id)).toMatchObject({
      category: 'community', tier: 'b', description: 'Buurtvoorzitter', power: 4, interest: 5, quadrant: 'manage-closely', mitchellClass: 'definitive', assessedOn: '2026-01-01',
    });
    expect(await Interest.count({ where: { stakeholderId: kept.id } })).toBe(1);
    expect((await EngagementStakeholder.findAll({ where: { engagementId: [both.id, onlyFolded.id] } })).map((l) => [l.engagementId, l.stakeholderId]).sort())
      .toEqual([[both.id, kept.id], [onlyFolded.id, kept.id]].sort());
    expect(await AgreementParty.findOne({ where: { agreementId: commitments.agreementId } })).toMatchObject({ stakeholderId: kept.id });
    expect(await ObligationStakeholder.findOne({ where: { obligationId: commitments.obligationId } })).toMatchObject({ stakeholderId: kept.id });
    expect(await eventsOf('stakeholder', folded.id)).toEqual([{ mergedIntoId: [null, kept.id], name: ['R. Mol', null] }]);
    expect((await eventsOf('stakeholder', kept.id))[0]).toMatchObject({ moved: [null, { assessments: 1, interests: 1, engagements: 2, agreements: 1, obligations: 1 }] });
  });

  it('refuses to merge a record into itself, into another institution’s record, or twice', async () => {
    const person = await makePerson(college, { givenName: 'Ivo', familyName: 'Zelf' });
    await expect(mergePersons(SYSTEM_ACTOR, { institutionId: college.id, sourceId: person.id, survivorId: person.id }))
      .rejects.toMatchObject({ code: 'invalid', fieldErrors: { survivorId: 'parties:merge.self' } });
    const foreign = await makePerson(other, { givenName: 'Ivo', familyName: 'Zelf' });
    await expect(mergePersons(SYSTEM_ACTOR, { institutionId: college.id, sourceId: person.id, survivorId: foreign.id }))
      .rejects.toMatchObject({ code: 'not-found', fieldErrors: { survivorId: 'parties:merge.survivorNotFound' } });
    await expect(getMergePreview('person', { institutionId: college.id, sourceId: person.id, survivorId: foreign.id }))
      .rejects.toMatchObject({ code: 'not-found' });
    expect(await Person.findByPk(person.id)).toMatchObject({ active: true, mergedIntoId: null });
    expect(await Person.findByPk(foreign.id)).toMatchObject({ active: true, mergedIntoId: null });

    const survivor = await makePerson(college, { givenName: 'Ivo', familyName: 'Zelfs' });
    await mergePersons(SYSTEM_ACTOR, { institutionId: college.id, sourceId: person.id, survivorId: survivor.id });
    await expect(mergePersons(SYSTEM_ACTOR, { institutionId: college.id, sourceId: person.id, survivorId: survivor.id }))
      .rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('merging organisations', () => {
  it('moves positions and the stakeholder, hands over the KvK number, and deactivates the duplicate', async () => {
    const survivor = await makeOrganisation(college, { name: 'Woonbond Vecht' });
    const duplicate = await makeOrganisation(college, { name: 'Stichting Woonbond Vecht', kvkNumber: '87654321', website: 'https://woonbond.example' });
    const person = await makePerson(college, { givenName: 'Noor', familyName: 'Visser' });
    const position = await makePosition(college, person, duplicate, 'Secretaris');
    const stakeholder = await makeRegisteredStakeholder(college, { kind: 'organisation', id: duplicate.id }, { category: 'client-representation' });

    await mergeOrganisations(SYSTEM_ACTOR, { institutionId: college.id, sourceId: duplicate.id, survivorId: survivor.id });

    expect(await Position.findByPk(position.id)).toMatchObject({ organisationId: survivor.id });
    expect(await Stakeholder.findByPk(stakeholder.id)).toMatchObject({ organisationId: survivor.id, name: 'Woonbond Vecht' });
    expect(await Organisation.findByPk(survivor.id)).toMatchObject({ kvkNumber: '87654321', website: 'https://woonbond.example' });
    expect(await Organisation.findByPk(duplicate.id)).toMatchObject({ kvkNumber: null, active: false, mergedIntoId: survivor.id });
    expect(await eventsOf('organisation', duplicate.id)).toEqual([{ mergedIntoId: [null, survivor.id], active: [true, false], kvkNumber: ['87654321', null] }]);
    expect((await eventsOf('organisation', survivor.id))[0]).toMatchObject({ kvkNumber: [null, '87654321'], moved: [null, { positions: 1 }] });
  });
});
