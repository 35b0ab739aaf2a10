import { migrateUp } from '../db/migrator';
import { db } from '../app/utils/db.server';
import { runScript } from './lib/cli';

await runScript('db:migrate', async () => {
  const applied = await migrateUp(await db());
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date.');
});
