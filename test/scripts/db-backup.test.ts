import { execFile } from 'node:child_process';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { backupPostgres, backupSqlite, type BackupResult } from '../../db/backup';
import { createSequelize, databaseConfig, prepareDatabase } from '../../db/connection';
import { migrateUp } from '../../db/migrator';
import { db, dialectOf, Engagement } from '~/utils/db.server';
import { createEmptyDatabase } from '../setup/databases';
import { engage } from '../modules/stakeholders-fixtures';
import { makeWorld, type World } from '../modules/obligations-fixtures';

/**
 * npm run db:backup: a copy taken while the app writes is consistent (no transaction half in it),
 * restores with the same rows, and passes PRAGMA integrity_check (SQLite); pg_dump's archive
 * restores with pg_restore (PostgreSQL).
 */

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
const TMP = path.resolve('tmp', 'test-databases');
const made: string[] = [];
const fileFor = (extension: string) => {
  const file = path.join(TMP, `backup-${randomBytes(6).toString('hex')}.${extension}`);
  made.push(file);
  return file;
};
let world: World;
let sequelize: Sequelize;

beforeAll(async () => {
  sequelize = await db();
  world = await makeWorld();
});
afterAll(async () => {
  for (const file of made) for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
});

const countOf = async (database: Sequelize, sql: string) =>
  Number((await database.query<{ n: number | string }>(sql, { type: QueryTypes.SELECT }))[0]!.n);

/** A restored copy, opened the way the app opens a database; and how to drop it. */
async function restore(backup: BackupResult): Promise<{ database: Sequelize; drop(): Promise<void> }> {
  if (backup.dialect === 'sqlite') {
    const file = fileFor('sqlite');
    await copyFile(backup.file, file);
    const database = createSequelize(databaseConfig(`sqlite:${file}`));
    await prepareDatabase(database);
    return { database, drop: () => database.close() };
  }
  const empty = await createEmptyDatabase(inject('databaseTemplate'));
  await run('pg_restore', ['--no-owner', '--no-privileges', `--dbname=${empty.url}`, backup.file]);
  const database = createSequelize(databaseConfig(empty.url));
  return { database, drop: async () => { await database.close(); await empty.drop(); } };
}

describe('an online backup', () => {
  it('taken while eight writers keep writing: consistent, restorable, the same rows, integrity ok', async () => {
    // The load: engagements, each with its stakeholder link and audit event in one transaction.
    let stop = false;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      let written = 0;
      while (!stop) {
        await engage(world.college, { stakeholderIds: [world.municipality.id], subject: `Overleg ${w}-${written}` });
        written++;
      }
      return written;
    });
    while ((await Engagement.count()) < 40) await new Promise((resolve) => setTimeout(resolve, 10));

    const before = await Engagement.count();
    const backup = dialectOf(sequelize) === 'sqlite'
      ? await backupSqlite(sequelize, fileFor('sqlite'))
      : await backupPostgres((databaseConfig() as { url: string }).url, fileFor('dump'));
    const during = await Engagement.count();
    stop = true;
    const written = await Promise.all(writers);
    const after = await Engagement.count();
    // The writers wrote before, during and after the copy.
    expect(during).toBeGreaterThan(before);
    expect(after).toBe(written.reduce((sum, n) => sum + n, 0));
    expect(backup.integrity).toBe('ok');

    const { database: copy, drop } = await restore(backup);
    try {
      // The restored database is a complete one: every migration recorded, nothing pending.
      expect(await migrateUp(copy)).toEqual([]);
      if (backup.dialect === 'sqlite') {
        expect((await copy.query<{ integrity_check: string }>('PRAGMA integrity_check', { type: QueryTypes.SELECT }))[0]!.integrity_check).toBe('ok');
        // What the backup counted in its file is what the restored database holds.
        for (const [table, rows] of Object.entries(backup.counts)) expect([table, await countOf(copy, `SELECT COUNT(*) AS n FROM "${table}"`)]).toEqual([table, rows]);
      }
      // One snapshot: at least what was there when it began, no more than what was written in all,
      // and never half a transaction — each engagement with its link and its audit event.
      const engagements = await countOf(copy, 'SELECT COUNT(*) AS n FROM engagements');
      expect(engagements).toBeGreaterThanOrEqual(before);
      expect(engagements).toBeLessThanOrEqual(after);
      expect(await countOf(copy, 'SELECT COUNT(*) AS n FROM engagement_stakeholders')).toBe(engagements);
      expect(await countOf(copy, "SELECT COUNT(*) AS n FROM audit_events WHERE entity = 'engagement' AND action = 'create'")).toBe(engagements);
      expect(await countOf(copy, 'SELECT COUNT(*) AS n FROM institutions')).toBe(await countOf(sequelize, 'SELECT COUNT(*) AS n FROM institutions'));
    } finally {
      await drop();
    }
  }, 120_000);
});

describe('npm run db:backup', () => {
  it('writes the copy, reports its check, and never overwrites a file', async () => {
    const file = fileFor(dialectOf(sequelize) === 'sqlite' ? 'sqlite' : 'dump');
    const backup = (...args: string[]) => run(TSX, ['scripts/db-backup.ts', ...args], { env: { ...process.env }, timeout: 60_000 });
    const { stdout } = await backup('--out', file);
    expect(stdout).toContain(`Backup written to ${file}`);
    expect(stdout).toContain('integrity check: ok');
    await expect(backup('--out', file)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/exists already/) });
  }, 120_000);
});
