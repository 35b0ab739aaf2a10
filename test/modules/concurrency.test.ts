import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { recordRendering } from '~/modules/obligations/mutations.server';
import * as stakeholderRoute from '~/routes/_app.i.$institutionId.stakeholders.$stakeholderId._index';
import { TimeoutError } from 'sequelize';
import { SQLITE_STATEMENT_LANES } from '../../db/connection';
import {
  AuditEvent, db, dialectOf, EngagementStakeholder, inTransaction, ReportingMoment, SalienceAssessment, selectRows, Stakeholder, Theme,
} from '~/utils/db.server';
import { addDays } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import { assess, engage } from './stakeholders-fixtures';
import { makeObligation, makeWorld, type World } from './obligations-fixtures';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';

/**
 * Many writers at once on one database, through the app's own mutations and actions: on SQLite a
 * WAL file, writers taking the lock when they begin and waiting for it (busy timeout), and a
 * transaction that still meets a busy database run again. Nothing may fail and nothing may be
 * lost; two saves of the same form version give one success and one conflict.
 */

const TODAY = '2026-03-01';
const WRITERS_PER_KIND = 16;
let world: World;

beforeAll(async () => {
  world = await makeWorld();
});

describe('48 writers at once', () => {
  it('all succeed, and every write is there: no errors, no lost updates', async () => {
    const { id: obligationId } = await makeObligation(world.college, {
      responsibleUserId: world.secretary.id, title: 'Maandrapportage', recurrence: { kind: 'monthly', interval: 1, day: 10 }, startsOn: '2024-01-01',
    }, TODAY);
    const moments = await ReportingMoment.findAll({ where: { obligationId }, order: [['dueOn', 'ASC']], limit: WRITERS_PER_KIND });
    expect(moments).toHaveLength(WRITERS_PER_KIND);
    const shared = world.municipality;
    const before = await Stakeholder.findByPk(shared.id);

    // Three kinds of writer, interleaved: assessments that each rewrite the same stakeholder row
    // (the read-modify-write a lost update would hit), engagements on that stakeholder, and
    // renderings of one obligation's moments.
    const writers = Array.from({ length: WRITERS_PER_KIND }, (_, i) => [
      // Dates in a scrambled order: a later-dated assessment must never be overwritten by an
      // earlier-dated one that commits after it.
      () => assess(world.college, shared, { assessedOn: addDays('2026-01-01', (i * 7) % WRITERS_PER_KIND), power: (i % 5) + 1, interest: ((i + 2) % 5) + 1 }),
      () => engage(world.college, { stakeholderIds: [shared.id], subject: `Overleg ${i}` }),
      () => recordRendering(SYSTEM_ACTOR, { institutionId: world.college.id, momentId: moments[i]!.id, renderedOn: '2026-02-20', version: 0 }, TODAY),
    ]).flat();
    expect(writers.length).toBeGreaterThanOrEqual(32);
    const outcomes = await Promise.allSettled(writers.map((write) => write()));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);

    // Every assessment kept, and the stakeholder row holds the latest-dated one's values whatever
    // order they committed in: a read-modify-write of one row that lost nothing.
    const assessments = await SalienceAssessment.findAll({ where: { stakeholderId: shared.id }, order: [['assessedOn', 'DESC']] });
    expect(assessments).toHaveLength(WRITERS_PER_KIND);
    const after = await Stakeholder.findByPk(shared.id);
    const latest = assessments[0]!;
    expect({ assessedOn: after!.assessedOn, power: after!.power, interest: after!.interest })
      .toEqual({ assessedOn: latest.assessedOn, power: latest.power, interest: latest.interest });
    expect(after!.version).toBeGreaterThan(before!.version);

    expect(await EngagementStakeholder.count({ where: { stakeholderId: shared.id } })).toBe(WRITERS_PER_KIND);
    const rendered = await ReportingMoment.findAll({ where: { id: moments.map((m) => m.id) } });
    expect(rendered.every((m) => m.renderedOn === '2026-02-20' && m.version === 1)).toBe(true);

    // And each write's audit event, committed with it.
    expect(await AuditEvent.count({ where: { entity: 'stakeholder', entityId: String(shared.id), action: 'assess' } })).toBe(WRITERS_PER_KIND);
    expect(await AuditEvent.count({ where: { entity: 'engagement', action: 'create' } })).toBe(WRITERS_PER_KIND);
    expect(await AuditEvent.count({ where: { entity: 'reporting-moment', action: 'render', entityId: moments.map((m) => String(m.id)) } }))
      .toBe(WRITERS_PER_KIND);
  });

  it('a transaction that meets a busy database rolls back and runs again: its writes land once', async () => {
    // SQLITE_BUSY is what a writer gets when another still holds the lock after the busy timeout
    // (10 s); here the first attempt's work meets it, as Sequelize reports it.
    let attempts = 0;
    const result = await inTransaction(async (transaction) => {
      attempts++;
      await Theme.create({ institutionId: world.college.id, name: `Thema ${attempts}`, active: true, position: attempts }, { transaction });
      if (attempts === 1) throw new TimeoutError(Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY', sql: 'COMMIT', parameters: {} }));
      return attempts;
    });
    expect(result).toBe(2);
    const names = (await Theme.findAll({ where: { institutionId: world.college.id } })).map((t) => t.name);
    expect(names).toContain('Thema 2');
    expect(names).not.toContain('Thema 1');
  });

  it('a refusal is not retried: a conflict runs once and writes nothing', async () => {
    let attempts = 0;
    await expect(inTransaction(async (transaction) => {
      attempts++;
      await Theme.create({ institutionId: world.college.id, name: 'Nooit', active: true, position: 99 }, { transaction });
      throw new DomainError('conflict', 'common:errors.conflict');
    })).rejects.toMatchObject({ code: 'conflict' });
    expect(attempts).toBe(1);
    expect(await Theme.count({ where: { institutionId: world.college.id, name: 'Nooit' } })).toBe(0);
  });
});

describe('two people saving the same stakeholder from the same form version, at once', () => {
  it('one save succeeds; the other gets a clear conflict message and changes nothing', async () => {
    const stakeholder = world.studentCouncil;
    const { version } = (await Stakeholder.findByPk(stakeholder.id))!;
    const save = async (user: { id: number }, description: string) =>
      responseOf(stakeholderRoute.action(routeArgs(
        await signedInRequest(user, `/i/${world.college.id}/stakeholders/${stakeholder.id}`, {
          form: { category: 'community', tier: 'b', status: 'active', description, version: String(version) },
        }),
        { institutionId: String(world.college.id), stakeholderId: String(stakeholder.id) },
      )));
    const [first, second] = await Promise.all([save(world.secretary, 'Versie van Sanne'), save(world.manager, 'Versie van Mark')]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    const loser = first.status === 409 ? first : second;
    const winner = loser === first ? 'Versie van Mark' : 'Versie van Sanne';
    const body = await jsonOf<{ formError: string; values: Record<string, string> }>(loser);
    expect(body.formError).toBe('common:errors.conflict');
    // The losing form keeps what was typed, to copy from.
    expect(body.values.description).not.toBe(winner);
    const stored = await Stakeholder.findByPk(stakeholder.id);
    expect(stored!.description).toBe(winner);
    expect(stored!.version).toBe(version + 1);
  });
});

describe('readers side by side (SQLite)', () => {
  it('statements started together run on separate connections, and each sees what was committed before it', async () => {
    const sequelize = await db();
    if (dialectOf(sequelize) !== 'sqlite') return;
    const theme = await inTransaction(async (transaction) => Theme.create({ institutionId: world.college.id, name: 'Zij aan zij', active: true, position: 98 }, { transaction }));
    const used = new Set<unknown>();
    sequelize.addHook('afterQuery', 'lanes', (_options, query) => {
      used.add((query as unknown as { connection: unknown }).connection);
    });
    try {
      // A slow read and quick ones at once, outside any transaction.
      const slow = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT COUNT(*) AS c FROM n';
      const [counted, ...found] = await Promise.all([
        selectRows<{ c: number }>(slow),
        ...Array.from({ length: 4 }, () => selectRows<{ id: number }>('SELECT id FROM themes WHERE id = :id', { id: theme.id })),
      ]);
      expect(Number(counted[0]!.c)).toBe(300000);
      for (const rows of found) expect(rows.map((r) => Number(r.id))).toEqual([theme.id]);
      expect(used.size).toBeGreaterThan(1);
      expect(used.size).toBeLessThanOrEqual(SQLITE_STATEMENT_LANES);
    } finally {
      sequelize.removeHook('afterQuery', 'lanes');
    }
  });
});
