import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { createSequelize, prepareDatabase } from '../../db/connection';
import { migrateUp } from '../../db/migrator';

/**
 * Test databases: migrations run once into a template, and every test file gets its own copy —
 * a copied SQLite file, or on PostgreSQL (TEST_POSTGRES_URL) a database created from the template.
 */
export type TestDatabaseTemplate = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; adminUrl: string; template: string };

const TMP = path.resolve('tmp', 'test-databases');

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTemplate(): Promise<TestDatabaseTemplate> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (adminUrl) {
    const template = `horizon_template_${process.pid}`;
    await withAdmin(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${template}`);
      await client.query(`CREATE DATABASE ${template}`);
    });
    const sequelize = createSequelize({ dialect: 'postgres', url: databaseUrl(adminUrl, template) });
    await migrateUp(sequelize);
    await sequelize.close();
    return { dialect: 'postgres', adminUrl, template };
  }
  await mkdir(TMP, { recursive: true });
  const file = path.join(TMP, `template-${process.pid}.sqlite`);
  await rm(file, { force: true });
  const sequelize = createSequelize({ dialect: 'sqlite', storage: file });
  await prepareDatabase(sequelize);
  await migrateUp(sequelize);
  // Fold the WAL into the file so a plain copy carries the whole schema.
  await sequelize.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await sequelize.close();
  return { dialect: 'sqlite', file };
}

export async function dropTemplate(template: TestDatabaseTemplate): Promise<void> {
  if (template.dialect === 'sqlite') {
    await rm(template.file, { force: true });
    return;
  }
  await withAdmin(template.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${template.template}`));
}

/** A fresh, migrated database for one test file; returns its URL and how to remove it. */
export async function createTestDatabase(template: TestDatabaseTemplate): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `horizon_test_${randomBytes(6).toString('hex')}`;
  if (template.dialect === 'sqlite') {
    const file = path.join(TMP, `${name}.sqlite`);
    await copyFile(template.file, file);
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
      },
    };
  }
  await withAdmin(template.adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`));
  return {
    url: databaseUrl(template.adminUrl, name),
    drop: () => withAdmin(template.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database (no migrations) of the dialect under test, for the migration round-trip. */
export async function createEmptyDatabase(template: TestDatabaseTemplate): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `horizon_empty_${randomBytes(6).toString('hex')}`;
  if (template.dialect === 'sqlite') {
    await mkdir(TMP, { recursive: true });
    const file = path.join(TMP, `${name}.sqlite`);
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
      },
    };
  }
  await withAdmin(template.adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrl(template.adminUrl, name),
    drop: () => withAdmin(template.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
