import { db, dialectOf } from '~/utils/db.server';

export type Health = { status: 'ok'; database: 'sqlite' | 'postgres' } | { status: 'unavailable'; database: 'unreachable' };

/** Whether the database answers a trivial query; never throws. */
export async function checkDatabase(): Promise<Health> {
  try {
    const sequelize = await db();
    await sequelize.query('SELECT 1');
    return { status: 'ok', database: dialectOf(sequelize) };
  } catch {
    return { status: 'unavailable', database: 'unreachable' };
  }
}
