import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Sequelize } from 'sequelize';
import sqlite3 from 'sqlite3';

/**
 * Online backups: a consistent copy taken while the app keeps writing. SQLite: `VACUUM INTO`, which
 * reads one snapshot (WAL lets writers go on meanwhile) and writes a compact, self-contained file,
 * checked afterwards with `PRAGMA integrity_check`. PostgreSQL: `pg_dump`, which reads one snapshot
 * too (a repeatable-read transaction), in its custom format for `pg_restore`.
 */

export type BackupResult = {
  dialect: 'sqlite' | 'postgres';
  file: string;
  bytes: number;
  /** SQLite: `ok`, or what integrity_check found. PostgreSQL: `ok` when pg_restore can read the archive. */
  integrity: string;
  /** SQLite: rows per table in the copy. */
  counts: Record<string, number>;
  seconds: number;
};

const run = promisify(execFile);

async function prepareTarget(file: string): Promise<string> {
  const target = path.resolve(file);
  // VACUUM INTO and pg_dump would overwrite or refuse unpredictably: a backup never replaces a file.
  if (existsSync(target)) throw new Error(`${target} exists already: choose another file for the backup`);
  await mkdir(path.dirname(target), { recursive: true });
  return target;
}

/** Opens a SQLite file read-only and reports its integrity and the rows of every table. */
export async function inspectSqliteFile(file: string): Promise<{ integrity: string; counts: Record<string, number> }> {
  const database = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
  });
  const all = <T>(sql: string) => new Promise<T[]>((resolve, reject) => database.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
  try {
    const integrity = (await all<{ integrity_check: string }>('PRAGMA integrity_check')).map((r) => r.integrity_check).join('; ');
    const tables = await all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await all<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`))[0]!.n;
    return { integrity, counts };
  } finally {
    await new Promise<void>((resolve) => database.close(() => resolve()));
  }
}

export async function backupSqlite(sequelize: Sequelize, file: string): Promise<BackupResult> {
  const started = Date.now();
  const target = await prepareTarget(file);
  // One statement, one read snapshot: rows committed after it began are not in the copy, and no
  // transaction is ever half in it.
  await sequelize.query(`VACUUM INTO ${sequelize.escape(target)}`);
  const { integrity, counts } = await inspectSqliteFile(target);
  return { dialect: 'sqlite', file: target, bytes: statSync(target).size, integrity, counts, seconds: (Date.now() - started) / 1000 };
}

export async function backupPostgres(url: string, file: string): Promise<BackupResult> {
  const started = Date.now();
  const target = await prepareTarget(file);
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, url], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error('pg_dump is not installed or not on PATH (Debian: apt-get install postgresql-client)');
    throw new Error(`pg_dump failed: ${(e.stderr ?? e.message).trim()}`);
  }
  // The archive's table of contents: pg_restore reads it, or the dump is not usable.
  const { stdout } = await run('pg_restore', ['--list', target], { maxBuffer: 64 * 1024 * 1024 });
  const integrity = /TABLE DATA public reporting_moments/.test(stdout) ? 'ok' : 'the archive lists no reporting_moments data';
  return { dialect: 'postgres', file: target, bytes: statSync(target).size, integrity, counts: {}, seconds: (Date.now() - started) / 1000 };
}
