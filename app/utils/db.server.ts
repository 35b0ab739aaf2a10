import type { Sequelize, Transaction } from 'sequelize';
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

/** Runs `work` in one managed transaction: it commits when `work` resolves and rolls back when it throws. */
export async function inTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
  const sequelize = await db();
  return sequelize.transaction(work);
}

/** Closes the pool (tests and scripts); the next db() opens a new one. */
export async function closeDb(): Promise<void> {
  const current = instance;
  instance = null;
  if (current) await (await current).close();
}
