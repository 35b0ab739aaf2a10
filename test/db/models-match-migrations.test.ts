import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, prepareDatabase } from '../../db/connection';
import { migrateUp } from '../../db/migrator';
import { Institution, Organisation, Person, Position, Stakeholder, initModels } from '../../db/models/index';

// Its own SQLite file, so this runs with or without the suite's global database setup.
const storage = path.join(os.tmpdir(), `horizon-models-${process.pid}-${randomBytes(4).toString('hex')}.sqlite`);
let sequelize: Sequelize;

beforeAll(async () => {
  sequelize = createSequelize({ dialect: 'sqlite', storage });
  await prepareDatabase(sequelize);
  await migrateUp(sequelize);
  initModels(sequelize);
});

afterAll(async () => {
  await sequelize?.close();
  for (const suffix of ['', '-wal', '-shm']) await rm(`${storage}${suffix}`, { force: true });
});

function tableOf(model: { getTableName(): string | { tableName: string } }): string {
  const name = model.getTableName();
  return typeof name === 'string' ? name : name.tableName;
}

// Umzug's storage registers its own model (SequelizeMeta) for its bookkeeping table on the same instance.
const MIGRATIONS_TABLE = 'schema_migrations';

function ourModels() {
  return Object.values(sequelize.models).filter((model) => tableOf(model) !== MIGRATIONS_TABLE);
}

async function databaseTables(): Promise<string[]> {
  const tables = (await sequelize.getQueryInterface().showAllTables()) as unknown[];
  return tables
    .map((table) => (typeof table === 'string' ? table : (table as { tableName: string }).tableName))
    .filter((table) => table !== MIGRATIONS_TABLE && !table.startsWith('sqlite_'))
    .sort();
}

describe('models and migrations', () => {
  it('every model has its table, with exactly the migration’s columns', async () => {
    const qi = sequelize.getQueryInterface();
    const existing = new Set(await databaseTables());
    const models = ourModels();
    expect(models.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const model of models) {
      const table = tableOf(model);
      if (!existing.has(table)) {
        mismatches.push(`${model.name}: table ${table} does not exist`);
        continue;
      }
      const modelColumns = Object.values(model.getAttributes()).map((attribute) => attribute.field ?? '').sort();
      const tableColumns = Object.keys(await qi.describeTable(table)).sort();
      const missing = modelColumns.filter((column) => !tableColumns.includes(column));
      const unmodelled = tableColumns.filter((column) => !modelColumns.includes(column));
      if (missing.length) mismatches.push(`${model.name}: model columns not in ${table}: ${missing.join(', ')}`);
      if (unmodelled.length) mismatches.push(`${model.name}: ${table} columns not in the model: ${unmodelled.join(', ')}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('every table the migrations create has a model', async () => {
    const modelled = new Set(ourModels().map(tableOf));
    expect((await databaseTables()).filter((table) => !modelled.has(table))).toEqual([]);
  });

  it('creates parties and a stakeholder and reads them back through the associations', async () => {
    const ids = await sequelize.transaction(async (transaction) => {
      const institution = await Institution.create(
        { name: 'Stichting Rijnland Onderwijs', sector: 'primary-education', kvkNumber: null, city: 'Leiden', website: null },
        { transaction },
      );
      const person = await Person.create(
        {
          institutionId: institution.id, givenName: 'Anna', tussenvoegsel: 'van der', familyName: 'Berg', initials: 'A.',
          nameKey: 'anna berg', email: null, phone: null, street: null, houseNumber: null, postcode: null, city: null,
          source: 'business card', lastVerifiedOn: '2026-01-15', legalBasis: 'legitimate-interests', legalHold: null,
          erasedAt: null, mergedIntoId: null,
        },
        { transaction },
      );
      const organisation = await Organisation.create(
        {
          institutionId: institution.id, name: 'Gemeente Leiden', nameKey: 'gemeente leiden', kind: 'municipality',
          kvkNumber: '12345678', street: 'Stadhuisplein', houseNumber: '1', postcode: '2311 EJ', city: 'Leiden',
          website: null, email: null, phone: null, notes: null, source: null, lastVerifiedOn: null, mergedIntoId: null,
        },
        { transaction },
      );
      const position = await Position.create(
        {
          institutionId: institution.id, personId: person.id, organisationId: organisation.id, title: 'Wethouder onderwijs',
          startsOn: '2022-06-01', endsOn: null, businessEmail: 'a.vanderberg@leiden.nl', businessPhone: null,
        },
        { transaction },
      );
      // A record just created can be saved again at once: optimistic locking starts from version 0.
      await position.update({ businessPhone: '071 516 5000' }, { transaction });
      expect(position.version).toBe(1);
      const stakeholder = await Stakeholder.create(
        {
          institutionId: institution.id, partyKind: 'organisation', organisationId: organisation.id, personId: null,
          householdId: null, name: organisation.name, category: 'government', tier: 'a', tierRationale: null,
          ownerUserId: null, description: null, power: null, interest: null, quadrant: null, mitchellClass: null,
          assessedOn: null,
        },
        { transaction },
      );
      return { institution: institution.id, person: person.id, organisation: organisation.id, position: position.id, stakeholder: stakeholder.id };
    });

    const person = await Person.findByPk(ids.person, {
      include: [{ association: 'positions', include: [{ association: 'organisation', include: [{ association: 'stakeholder' }] }] }],
    });
    expect(person?.get({ plain: true })).toMatchObject({
      familyName: 'Berg',
      lastVerifiedOn: '2026-01-15',
      version: 0,
      positions: [
        {
          id: ids.position,
          title: 'Wethouder onderwijs',
          startsOn: '2022-06-01',
          businessPhone: '071 516 5000',
          version: 1,
          organisation: { id: ids.organisation, name: 'Gemeente Leiden', stakeholder: { id: ids.stakeholder, tier: 'a' } },
        },
      ],
    });

    const stakeholder = await Stakeholder.findByPk(ids.stakeholder, {
      include: [
        { association: 'institution' },
        { association: 'organisation', include: [{ association: 'positions', include: [{ association: 'person' }] }] },
        { association: 'person' },
        { association: 'household' },
      ],
    });
    expect(stakeholder?.get({ plain: true })).toMatchObject({
      status: 'active',
      institution: { id: ids.institution },
      organisation: { kvkNumber: '12345678', positions: [{ person: { id: ids.person, tussenvoegsel: 'van der' } }] },
      person: null,
      household: null,
    });

    const institution = await Institution.findByPk(ids.institution, {
      include: [
        { association: 'stakeholders' }, { association: 'persons' }, { association: 'organisations' }, { association: 'positions' },
      ],
    });
    const plain = institution?.get({ plain: true }) as unknown as Record<string, { id: number }[]>;
    expect(plain.stakeholders.map((row) => row.id)).toEqual([ids.stakeholder]);
    expect(plain.persons.map((row) => row.id)).toEqual([ids.person]);
    expect(plain.organisations.map((row) => row.id)).toEqual([ids.organisation]);
    expect(plain.positions.map((row) => row.id)).toEqual([ids.position]);
  });
});
