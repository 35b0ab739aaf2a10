import { migrateDownAll, migrateUp } from '../db/migrator';
import { db } from '../app/utils/db.server';
import { runScript } from './lib/cli';

await runScript('db:reset', async () => {
  if (process.env.NODE_ENV === 'production' && !process.argv.includes('--force')) {
    throw new Error('refusing to reset a production database; pass --force if you really mean it');
  }
  const sequelize = await db();
  await migrateDownAll(sequelize);
  const applied = await migrateUp(sequelize);
  console.log(`The database is empty and migrated (${applied.length} migrations). Run npm run db:seed for demo data.`);
});
