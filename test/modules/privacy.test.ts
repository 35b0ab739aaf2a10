import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, userActor } from '~/modules/audit/actor';
import { mergePersons } from '~/modules/parties/merge.server';
import { erasePerson } from '~/modules/privacy/erasure.server';
import { logRequest, openPortalLink, proposeCorrection, sendPortalLink, setLegalHold } from '~/modules/privacy/mutations.server';
import { countOverdueRequests, listOverdueRequests } from '~/modules/privacy/queries.server';
import { isRequestOverdue } from '~/modules/privacy/rules';
import {
  AuditEvent, CorrectionProposal, DataSubjectRequest, db, dialectOf, Engagement, EngagementParticipant, MailMessage, Person,
  PortalLink, Position, QueryTypes, ReportingMoment, Stakeholder,
} from '~/utils/db.server';
import type { DomainError } from '~/utils/errors';
import { makeInstitution } from '../support/factories';
import { makePrivacyWorld, type PrivacyWorld } from './privacy-fixtures';
import { makePerson } from './stakeholders-fixtures';

let world: PrivacyWorld;

beforeAll(async () => {
  world = await makePrivacyWorld();
});

describe('overdue requests: the SQL agrees with the rule', () => {
  it('on the days around each deadline, with and without an extension, open and closed', async () => {
    const institution = await makeInstitution();
    const received = ['2026-01-31', '2026-02-15', '2026-03-31'];
    for (const receivedOn of received) {
      await logRequest(SYSTEM_ACTOR, { institutionId: institution.id, requester: `R ${receivedOn}`, kind: 'access', receivedOn }, '2026-06-01');
    }
    const [extended, closed] = await DataSubjectRequest.findAll({ where: { institutionId: institution.id }, order: [['receivedOn', 'ASC']], limit: 2 });
    await extended!.update({ extendedTo: '2026-04-30', extensionReason: 'complex' });
    await closed!.update({ status: 'completed' });
    // 2026-01-31 → 28 Feb (extended to 30 Apr), 2026-02-15 → 15 Mar, 2026-03-31 → 30 Apr.
    const rows = await DataSubjectRequest.findAll({ where: { institutionId: institution.id } });
    for (const day of ['2026-02-28', '2026-03-01', '2026-03-15', '2026-03-16', '2026-04-30', '2026-05-01']) {
      const expected = rows.filter((r) => isRequestOverdue(r, day)).map((r) => r.id).sort();
      expect(await countOverdueRequests(institution.id, day), day).toBe(expected.length);
      expect((await listOverdueRequests(institution.id, day)).map((r) => r.id).sort(), day).toEqual(expected);
    }
    expect(await countOverdueRequests(institution.id, '2026-05-01')).toBe(2);
  });

  it('counts only its own institution', async () => {
    expect(await countOverdueRequests(world.corporation.id, '2030-01-01')).toBe(0);
  });
});

/** Every row of every table as lower-case text: what a search of the database would find. */
async function wholeDatabaseText(): Promise<string> {
  const sequelize = await db();
  const tables = (await sequelize.getQueryInterface().showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await sequelize.query(`SELECT * FROM "${table}"`, { type: QueryTypes.SELECT });
    parts.push(JSON.stringify(rows));
  }
  return parts.join('\n').toLowerCase();
}

/** The SQLite file and its write-ahead log as lower-case text; null on PostgreSQL. */
async function databaseFileText(): Promise<string | null> {
  const sequelize = await db();
  if (dialectOf(sequelize) !== 'sqlite') return null;
  const file = (sequelize as unknown as { options: { storage: string } }).options.storage;
  const wal = await readFile(`${file}-wal`).catch(() => Buffer.alloc(0));
  return Buffer.concat([await readFile(file), wal]).toString('latin1').toLowerCase();
}

describe('erasure by anonymisation', () => {
  let values: string[];
  let counts: { engagements: number; participants: number; positions: number; moments: number; events: number };

  beforeAll(async () => {
    const { college, manager, jantje } = world;
    // Everything that copies the person's values elsewhere: a duplicate merged into them, a portal
    // link (mail), a correction proposal, a request naming them, and an engagement note.
    const duplicate = await makePerson(college, { givenName: 'Jantje', familyName: 'Zwanenburg', email: 'jz.oud@example.nl' });
    await mergePersons(SYSTEM_ACTOR, { institutionId: college.id, sourceId: duplicate.id, survivorId: jantje.person.id });
    const { link } = await sendPortalLink(SYSTEM_ACTOR, { institutionId: college.id, personId: jantje.person.id, address: { kind: 'private' } });
    const opened = await openPortalLink(link.split('/portal/')[1]!);
    if (opened.state !== 'valid') throw new Error(opened.state);
    await proposeCorrection({ linkId: opened.linkId, institutionId: college.id, personId: jantje.person.id }, { givenName: 'Jantina', familyName: 'Zwanenburg', message: 'Mijn voornaam is Jantina Zwanenburg.' });
    await logRequest(userActor(manager), { institutionId: college.id, personId: jantje.person.id, kind: 'erasure', receivedOn: '2026-01-05' });
    values = [jantje.person.fullName, 'zwanenburg', jantje.person.email, jantje.person.businessEmail, 'jz.oud@example.nl', '0612345678', '0301234567', 'lindelaan', 'jantina', 'jantje'];
    const before = await wholeDatabaseText();
    const beforeBytes = await databaseFileText();
    if (beforeBytes !== null) expect(beforeBytes, 'the file holds the values before').toContain(jantje.person.email);
    for (const value of values) expect(before, `the fixture writes ${value}`).toContain(value.toLowerCase());
    counts = {
      engagements: await Engagement.count({ where: { institutionId: college.id } }),
      participants: await EngagementParticipant.count({ where: { personId: jantje.person.id } }),
      positions: await Position.count({ where: { personId: jantje.person.id } }),
      moments: await ReportingMoment.count({ where: { institutionId: college.id } }),
      events: await AuditEvent.count(),
    };
    await erasePerson(userActor(manager), { institutionId: college.id, personId: jantje.person.id });
  });

  it('leaves none of the person\'s values in any table, the audit trail and the mail outbox included', async () => {
    const after = await wholeDatabaseText();
    for (const value of values) expect(after, value).not.toContain(value.toLowerCase());
  });

  // Only SQLite keeps the database in a file we can read; on PostgreSQL the test does not exist.
  const onSqlite = !process.env.TEST_POSTGRES_URL;
  if (onSqlite) it('leaves none of them in the database file either (SQLite: secure_delete and a folded write-ahead log)', async () => {
    const bytes = await databaseFileText();
    expect(bytes, 'the SQLite database file is readable').not.toBeNull();
    if (bytes === null) return;
    for (const value of values) expect(bytes.includes(value.toLowerCase()), value).toBe(false);
  });

  it('keeps positions, engagements, moments and every audit event, now without personal data', async () => {
    const { college, jantje, pieter } = world;
    expect(await Engagement.count({ where: { institutionId: college.id } })).toBe(counts.engagements);
    expect(await EngagementParticipant.count({ where: { personId: jantje.person.id } })).toBe(counts.participants);
    expect(await Position.count({ where: { personId: jantje.person.id } })).toBe(counts.positions);
    expect(await ReportingMoment.count({ where: { institutionId: college.id } })).toBe(counts.moments);
    // Events stay (plus the erasure's own); only their values went.
    expect(await AuditEvent.count()).toBe(counts.events + 1);
    const position = await Position.findByPk(jantje.position.id);
    expect(position).toMatchObject({ title: 'Wethouder onderwijs', businessEmail: null, businessPhone: null });
    const engagement = await Engagement.findByPk(jantje.engagement.id);
    expect(engagement!.subject).toBe('Overleg met [redacted]');
    // Another person's data is untouched.
    expect(await Person.findByPk(pieter.person.id)).toMatchObject({ email: pieter.person.email, familyName: 'Ooievaar' });
  });

  it('anonymises the person and the record merged into it; links are withdrawn, the pending proposal closed, the request kept', async () => {
    const { college, jantje } = world;
    const erased = await Person.findAll({ where: { id: jantje.person.id } });
    expect(erased[0]).toMatchObject({ givenName: null, email: null, street: null, familyName: `[erased #${jantje.person.id}]`, active: false });
    expect(erased[0]!.erasedAt).toBeInstanceOf(Date);
    const merged = await Person.findAll({ where: { mergedIntoId: jantje.person.id } });
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ email: null, givenName: null });
    expect(merged[0]!.erasedAt).toBeInstanceOf(Date);
    expect(await PortalLink.count({ where: { personId: jantje.person.id, revokedAt: null } })).toBe(0);
    expect(await CorrectionProposal.count({ where: { personId: jantje.person.id, status: 'pending' } })).toBe(0);
    const request = await DataSubjectRequest.findOne({ where: { institutionId: college.id, personId: jantje.person.id } });
    expect(request).toMatchObject({ kind: 'erasure', requester: `[erased #${jantje.person.id}]` });
    expect(await MailMessage.count({ where: { kind: 'portal-link', toAddress: '[redacted]' } })).toBe(1);
  });

  it('records the erasure without personal data', async () => {
    const { manager, jantje } = world;
    const event = await AuditEvent.findOne({ where: { entity: 'person', entityId: String(jantje.person.id), action: 'erase' } });
    expect(event).toMatchObject({ actorUserId: manager.id });
    expect(event!.changes).toMatchObject({ records: [null, 2] });
    expect(JSON.stringify(event!.changes).toLowerCase()).not.toMatch(/zwanenburg|jantje|example\.nl/);
  });

  it('is refused while a legal hold is recorded, and nothing changes', async () => {
    const { college, manager, pieter } = world;
    await setLegalHold(userActor(manager), { institutionId: college.id, personId: pieter.person.id, reason: 'Lopende procedure bij de rechtbank' });
    const events = await AuditEvent.count();
    await expect(erasePerson(userActor(manager), { institutionId: college.id, personId: pieter.person.id }))
      .rejects.toMatchObject({ code: 'conflict', messageKey: 'privacy:erase.legalHold' } satisfies Partial<DomainError>);
    expect(await Person.findByPk(pieter.person.id)).toMatchObject({ email: pieter.person.email, erasedAt: null });
    expect(await Stakeholder.count({ where: { id: pieter.stakeholder.id } })).toBe(1);
    expect(await AuditEvent.count()).toBe(events);
  });

  it('is refused for a person of another institution (404) and for one already erased (409)', async () => {
    const { college, corporation, manager, jantje, pieter } = world;
    await expect(erasePerson(userActor(manager), { institutionId: corporation.id, personId: pieter.person.id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(erasePerson(userActor(manager), { institutionId: college.id, personId: jantje.person.id })).rejects.toMatchObject({ code: 'conflict', messageKey: 'privacy:erase.alreadyErased' });
  });
});
