import { migrateUp } from '../db/migrator';
import { db } from '../app/utils/db.server';
import { seedBootstrapAdmin, seedCodeLibraries, seedDemo } from '../seeds/index';
import { runScript } from './lib/cli';

await runScript('db:seed', async () => {
  await migrateUp(await db());
  const log = (line: string) => console.log(`  ${line}`);
  console.log('Seeding:');
  await seedCodeLibraries(log);
  await seedBootstrapAdmin(log);
  await seedDemo(log);
  console.log('Done.');
});
