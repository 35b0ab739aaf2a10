import 'dotenv/config';
import { DatabaseConfigError } from '../../db/connection';
import { closeDb } from '../../app/utils/db.server';

/**
 * Runs a command-line script: configuration and connection problems end with one clear line
 * instead of a stack trace, and the database pool is always closed.
 */
export async function runScript(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.exitCode = 1;
    console.error(`${name}: ${describe(error)}`);
    if (process.env.DEBUG) console.error(error);
  } finally {
    await closeDb().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  if (error instanceof DatabaseConfigError) return error.message;
  const e = error as { name?: string; message?: string; original?: { code?: string }; parent?: { code?: string } };
  const code = e.original?.code ?? e.parent?.code;
  if (e.name === 'SequelizeConnectionRefusedError' || code === 'ECONNREFUSED') {
    return 'cannot reach the database named in DATABASE_URL (connection refused): is PostgreSQL running on that host and port?';
  }
  if (e.name === 'SequelizeHostNotFoundError' || code === 'ENOTFOUND') return 'the host in DATABASE_URL cannot be found';
  if (code === '3D000') return 'the database named in DATABASE_URL does not exist: create it first (createdb …)';
  if (code === '28P01' || code === '28000') return 'the database refused the user or password in DATABASE_URL';
  if (e.name === 'SequelizeConnectionError') return `cannot open the database: ${e.message}`;
  return e.message ?? String(error);
}
