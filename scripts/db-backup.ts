// npm run db:backup [-- --out backups/horizon.sqlite]
// A consistent copy of the database while the app keeps running: VACUUM INTO on SQLite, pg_dump on
// PostgreSQL. Restoring is described in the README (Backups).
import { parseArgs } from 'node:util';
import { backupPostgres, backupSqlite } from '../db/backup';
import { databaseConfig } from '../db/connection';
import { db } from '../app/utils/db.server';
import { runScript } from './lib/cli';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

await runScript('db:backup', async () => {
  const config = databaseConfig();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = values.out ?? `backups/horizon-${stamp}.${config.dialect === 'postgres' ? 'dump' : 'sqlite'}`;
  const result = config.dialect === 'postgres' ? await backupPostgres(config.url, file) : await backupSqlite(await db(), file);
  console.log(`Backup written to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.seconds.toFixed(1)} s).`);
  if (result.dialect === 'sqlite') {
    const c = result.counts;
    console.log(`  ${c.institutions ?? 0} institutions, ${c.stakeholders ?? 0} stakeholders, ${c.reporting_moments ?? 0} reporting moments, ${c.audit_events ?? 0} audit events`);
  }
  if (result.integrity !== 'ok') throw new Error(`the copy failed its check: ${result.integrity}`);
  console.log('  integrity check: ok');
});
