import { DataTypes, type ModelAttributeColumnOptions, type QueryInterface } from 'sequelize';

/** A column definition plus an optional CHECK, written as SQL over the column (`"col"` quoted). */
export type Column = ModelAttributeColumnOptions & { check?: (quotedColumn: string) => string };
export type Columns = Record<string, Column>;

type QueryGenerator = {
  attributesToSQL(attributes: Record<string, unknown>, options: Record<string, unknown>): Record<string, string>;
  createTableQuery(table: string, attributes: Record<string, string>, options: Record<string, unknown>): string;
};

const quote = (name: string) => `"${name}"`;

/**
 * createTable with CHECK constraints. queryInterface.createTable cannot declare CHECKs and SQLite
 * cannot add them later without rebuilding the table, so the column SQL Sequelize generates for
 * both dialects is extended with a column-level CHECK before the statement is built.
 */
export async function createTable(qi: QueryInterface, table: string, columns: Columns): Promise<void> {
  const sequelize = qi.sequelize as unknown as { normalizeAttribute(a: unknown): Record<string, unknown> };
  const generator = (qi as unknown as { queryGenerator: QueryGenerator }).queryGenerator;
  const checks: Record<string, string> = {};
  const normalised: Record<string, unknown> = {};
  for (const [name, { check, ...definition }] of Object.entries(columns)) {
    if (check) checks[name] = check(quote(name));
    normalised[name] = sequelize.normalizeAttribute(definition);
  }
  const sqlColumns = generator.attributesToSQL(normalised, { table, context: 'createTable' });
  for (const [name, check] of Object.entries(checks)) sqlColumns[name] = `${sqlColumns[name]} CHECK (${check})`;
  await qi.sequelize.query(generator.createTableQuery(table, sqlColumns, {}));
}

export const id = (): Column => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false });

export const timestamps = (): Columns => ({
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
});

/** Optimistic locking: the version a form was loaded with must still be the stored one on save. */
export const version = (): Column => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });

type DeleteRule = 'CASCADE' | 'RESTRICT' | 'SET NULL';

/** A foreign key with its delete rule always written out. */
export function fk(table: string, onDelete: DeleteRule, allowNull = true): Column {
  return {
    type: DataTypes.INTEGER,
    allowNull,
    references: { model: table, key: 'id' },
    onDelete,
    onUpdate: 'CASCADE',
  };
}

export const institutionFk = (): Column => fk('institutions', 'RESTRICT', false);

/** Enumerated text stored as a kebab-case slug, guarded by a CHECK in both dialects. */
export function oneOf(values: readonly string[], options: { allowNull?: boolean; defaultValue?: string } = {}): Column {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  return {
    type: DataTypes.STRING(40),
    allowNull: options.allowNull ?? false,
    ...(options.defaultValue !== undefined ? { defaultValue: options.defaultValue } : {}),
    check: (col) => `${col} IN (${list})`,
  };
}

export const text = (allowNull = true, length?: number): Column => ({
  type: length ? DataTypes.STRING(length) : DataTypes.TEXT,
  allowNull,
});
export const name = (allowNull = false): Column => ({ type: DataTypes.STRING(200), allowNull });
export const day = (allowNull = true): Column => ({ type: DataTypes.DATEONLY, allowNull });
export const instant = (allowNull = true): Column => ({ type: DataTypes.DATE, allowNull });
export const flag = (defaultValue: boolean): Column => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue });
export const json = (allowNull = true): Column => ({ type: DataTypes.JSON, allowNull });
export const int = (allowNull = true, check?: (col: string) => string): Column => ({
  type: DataTypes.INTEGER,
  allowNull,
  ...(check ? { check } : {}),
});
export const between = (min: number, max: number) => (col: string) => `${col} BETWEEN ${min} AND ${max}`;
export const notBefore = (earlier: string) => (col: string) => `${col} IS NULL OR ${quote(earlier)} IS NULL OR ${col} >= ${quote(earlier)}`;

export type IndexSpec = { fields: string[]; unique?: boolean; where?: string; name?: string };

/** Indexes are named after table and fields so both dialects carry the same names. */
export async function addIndexes(qi: QueryInterface, table: string, indexes: IndexSpec[]): Promise<void> {
  for (const index of indexes) {
    const indexName = index.name ?? `${table}_${index.fields.join('_')}${index.unique ? '_unique' : ''}`;
    const where = index.where ? ` WHERE ${index.where}` : '';
    const fields = index.fields.map(quote).join(', ');
    // Raw SQL: partial indexes take a WHERE that queryInterface.addIndex only offers as an object.
    await qi.sequelize.query(
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quote(indexName)} ON ${quote(table)} (${fields})${where}`,
    );
  }
}

export async function dropTables(qi: QueryInterface, tables: string[]): Promise<void> {
  for (const table of tables) await qi.dropTable(table);
}

/**
 * After an index migration: an ANALYZEd SQLite database (the benchmark's, or one an operator tuned)
 * has no statistics for a new index, and the planner then misjudges it against the others (the
 * oversight trend went from 25 to 80 ms). A database never ANALYZEd is left so. PostgreSQL keeps
 * statistics per table, not per index, and needs nothing.
 */
export async function refreshSqliteStatistics(qi: QueryInterface, table: string): Promise<void> {
  if (qi.sequelize.getDialect() !== 'sqlite') return;
  const [stats] = await qi.sequelize.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'");
  if (stats.length > 0) await qi.sequelize.query(`ANALYZE ${quote(table)}`);
}
