import type { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { migrations } from './migrations/index';

export function createMigrator(sequelize: Sequelize) {
  return new Umzug({
    migrations: migrations.map(({ name, module }) => ({
      name,
      up: async () => module.up(sequelize.getQueryInterface()),
      down: async () => module.down(sequelize.getQueryInterface()),
    })),
    context: sequelize,
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

export async function migrateUp(sequelize: Sequelize) {
  return createMigrator(sequelize).up();
}

export async function migrateDownAll(sequelize: Sequelize) {
  return createMigrator(sequelize).down({ to: 0 });
}
