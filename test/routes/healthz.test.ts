import { afterEach, describe, expect, it } from 'vitest';
import { loader } from '~/routes/healthz';
import { closeDb } from '~/utils/db.server';

describe('GET /healthz', () => {
  const original = process.env.DATABASE_URL;
  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = original;
  });

  it('answers 200 with the dialect when the database answers', async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: original?.startsWith('postgres') ? 'postgres' : 'sqlite' });
  });

  it('answers 503 when the database does not', async () => {
    await closeDb();
    // A port nothing listens on.
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:9/none';
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });
});
