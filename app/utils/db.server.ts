import { OptimisticLockError, QueryTypes, TimeoutError, type Sequelize, type Transaction } from 'sequelize';
import { createSequelize, databaseConfig, prepareDatabase } from '../../db/connection';
import { initModels } from '../../db/models/index';

export * from '../../db/models/index';
export { Op, QueryTypes, Transaction, UniqueConstraintError, ForeignKeyConstraintError, OptimisticLockError } from 'sequelize';
export type { WhereOptions, Order } from 'sequelize';
export { dialectOf } from '../../db/connection';

// One connection pool per process, created on first use: nothing touches the database at import time.
let instance: Promise<Sequelize> | null = null;

async function open(): Promise<Sequelize> {
  const sequelize = createSequelize(databaseConfig());
  initModels(sequelize);
  await prepareDatabase(sequelize);
  return sequelize;
}

/** The one door to the database for the app's `.server.ts` modules. */
export function db(): Promise<Sequelize> {
  instance ??= open().catch((error) => {
    instance = null;
    throw error;
  });
  return instance;
}

/**
 * Plain rows of one read statement with named `:replacements`. Pages that read many rows or many
 * small counts use this rather than model calls: a model call costs about half a millisecond of
 * JavaScript above its SQL (query building, instances), which a dashboard of fifteen counts feels.
 */
export async function selectRows<T extends object>(sql: string, replacements: Record<string, unknown> = {}, transaction?: Transaction): Promise<T[]> {
  return (await db()).query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
}

/** `SELECT COUNT(*) AS n …` as a number (PostgreSQL hands a count back as text). */
export async function selectCount(sql: string, replacements: Record<string, unknown> = {}): Promise<number> {
  const [row] = await selectRows<{ n: number | string }>(sql, replacements);
  return Number(row?.n ?? 0);
}

/** A day column from a raw statement: text on SQLite; PostgreSQL's driver may hand a `date` back as a Date. */
export const dayFromSql = (value: string | Date): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
export const dayOrNullFromSql = (value: string | Date | null): string | null => (value === null ? null : dayFromSql(value));

/** A boolean column from a raw statement: 0/1 on SQLite, true/false on PostgreSQL. */
export const boolFromSql = (value: unknown): boolean => value === true || value === 1 || value === '1';

/** A timestamp column from a raw statement: SQLite keeps `YYYY-MM-DD HH:MM:SS.SSS +00:00` text, PostgreSQL hands a Date. */
export const instantFromSql = (value: string | Date): Date =>
  value instanceof Date ? value : new Date(String(value).replace(' ', 'T').replace(/ ?\+00:00$/, 'Z'));

// SQLite has one writer at a time, and node-sqlite3 waits for the lock (busy timeout) inside a libuv
// worker thread. A few writers waiting there occupy every worker (four by default), and the one that
// holds the lock cannot run its next statement: all of them wait out the busy timeout and fail. So
// this process's write transactions (every transaction begins IMMEDIATE) queue here, in JavaScript;
// the busy timeout is left to arbitrate between processes.
let writerQueue: Promise<unknown> = Promise.resolve();
function oneWriterAtATime<T>(run: () => Promise<T>): Promise<T> {
  const turn = writerQueue.then(run, run);
  writerQueue = turn.catch(() => undefined);
  return turn;
}

/** How often a transaction that lost a race to another writer is run again before its error stands. */
export const TRANSACTION_ATTEMPTS = 5;

/**
 * Errors that mean "another writer got there first; the same work on fresh data may well succeed":
 * SQLite still busy after the busy timeout (Sequelize reports SQLITE_BUSY as a TimeoutError), a
 * versioned row changed under this transaction (PostgreSQL, where reads do not take the write
 * lock), a PostgreSQL serialization failure or deadlock. A stale form is not one of these: its
 * version check throws a DomainError, which is never retried.
 */
export function isTransientConflict(error: unknown): boolean {
  if (error instanceof TimeoutError || error instanceof OptimisticLockError) return true;
  const code = (error as { parent?: { code?: string }; original?: { code?: string } } | null)?.parent?.code;
  return code === 'SQLITE_BUSY' || code === '40001' || code === '40P01';
}

/**
 * Runs `work` in one managed transaction: it commits when `work` resolves and rolls back when it
 * throws. A transient conflict rolls back and runs `work` again on fresh data (a few times, with
 * growing random pauses), so concurrent writers queue instead of failing; `work` therefore must do
 * nothing outside the transaction that cannot be repeated.
 */
export async function inTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
  const sequelize = await db();
  const sqlite = sequelize.getDialect() === 'sqlite';
  for (let attempt = 1; ; attempt++) {
    try {
      return await (sqlite ? oneWriterAtATime(() => sequelize.transaction(work)) : sequelize.transaction(work));
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));
    }
  }
}

/** Closes the pool (tests and scripts); the next db() opens a new one. */
export async function closeDb(): Promise<void> {
  const current = instance;
  instance = null;
  if (current) await (await current).close();
}
