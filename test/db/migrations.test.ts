import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Sequelize } from 'sequelize';
import { createSequelize, databaseConfig, prepareDatabase } from '../../db/connection';
import { createMigrator } from '../../db/migrator';
import { migrations } from '../../db/migrations/index';
import { createEmptyDatabase } from '../setup/databases';
import { inspectSchema } from './schema-inspect';

const template = inject('databaseTemplate');

describe(`migrations on ${template.dialect}`, () => {
  let sequelize: Sequelize;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const empty = await createEmptyDatabase(template);
    drop = empty.drop;
    sequelize = createSequelize(databaseConfig(empty.url));
    await prepareDatabase(sequelize);
  });
  afterAll(async () => {
    await sequelize.close();
    await drop();
  });

  it('run up on an empty database, down to nothing, and up again', async () => {
    const migrator = createMigrator(sequelize);
    expect((await migrator.up()).map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    const tablesUp = Object.keys(await inspectSchema(sequelize));
    expect(tablesUp).toContain('reporting_moments');

    await migrator.down({ to: 0 });
    expect(Object.keys(await inspectSchema(sequelize))).toEqual([]);

    await migrator.up();
    expect(Object.keys(await inspectSchema(sequelize))).toEqual(tablesUp);
  });

  it('gives the same schema on SQLite and PostgreSQL (one committed picture both must match)', async () => {
    const picture = await inspectSchema(sequelize);
    await expect(JSON.stringify(picture, null, 2) + '\n').toMatchFileSnapshot('./schema.snapshot.json');
  });
});
