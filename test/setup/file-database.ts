import { afterAll, inject } from 'vitest';
import { closeDb } from '~/utils/db.server';
import { createTestDatabase } from './databases';

// Each test file runs against its own migrated database; app modules open it on first use.
const database = await createTestDatabase(inject('databaseTemplate'));
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await closeDb();
  await database.drop();
});
