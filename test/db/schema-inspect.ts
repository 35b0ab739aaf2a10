import { QueryTypes, type Sequelize } from 'sequelize';

/** A dialect-neutral picture of the schema: what must be identical on SQLite and PostgreSQL. */
export type SchemaPicture = Record<
  string,
  {
    columns: Record<string, { type: string; nullable: boolean }>;
    foreignKeys: string[];
    indexes: string[];
    checks: number;
  }
>;

function family(type: string): string {
  const t = type.toLowerCase();
  if (t.startsWith('tinyint(1)') || t === 'boolean') return 'boolean';
  if (t.includes('int')) return 'integer';
  if (t.startsWith('varchar') || t.includes('character varying') || t === 'text') return 'text';
  if (t === 'date') return 'date';
  if (t === 'datetime' || t.startsWith('timestamp')) return 'timestamp';
  if (t === 'json' || t === 'jsonb') return 'json';
  if (t === 'blob' || t === 'bytea') return 'blob';
  return t;
}

const IGNORED = new Set(['schema_migrations', 'sqlite_sequence']);

export async function inspectSchema(sequelize: Sequelize): Promise<SchemaPicture> {
  const picture: SchemaPicture = {};
  const select = <T extends object>(sql: string, replacements?: Record<string, unknown>) =>
    sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });

  if (sequelize.getDialect() === 'sqlite') {
    const tables = await select<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    for (const { name, sql } of tables) {
      if (IGNORED.has(name)) continue;
      const columns = await select<{ name: string; type: string; notnull: number; pk: number }>(`PRAGMA table_info("${name}")`);
      const fks = await select<{ from: string; table: string; on_delete: string }>(`PRAGMA foreign_key_list("${name}")`);
      const indexes = await select<{ name: string; unique: number; origin: string }>(`PRAGMA index_list("${name}")`);
      picture[name] = {
        columns: Object.fromEntries(
          [...columns].sort((a, b) => a.name.localeCompare(b.name)).map((c) => [c.name, { type: family(c.type), nullable: c.notnull === 0 && c.pk === 0 }]),
        ),
        foreignKeys: fks.map((f) => `${f.from} -> ${f.table} on delete ${f.on_delete.toLowerCase()}`).sort(),
        indexes: indexes
          .filter((i) => i.origin === 'c')
          .map((i) => `${i.name}${i.unique ? ' unique' : ''}`)
          .sort(),
        checks: (sql.match(/CHECK \(/g) ?? []).length,
      };
    }
    return picture;
  }

  const tables = await select<{ table_name: string }>(
    "SELECT t.table_name FROM information_schema.tables t WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  for (const { table_name: name } of tables) {
    if (IGNORED.has(name)) continue;
    const columns = await select<{ column_name: string; data_type: string; is_nullable: string }>(
      'SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = \'public\' AND table_name = :name',
      { name },
    );
    const fks = await select<{ column_name: string; foreign_table: string; delete_rule: string }>(
      `SELECT kcu.column_name, ccu.table_name AS foreign_table, rc.delete_rule
         FROM information_schema.referential_constraints rc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name
        WHERE kcu.table_name = :name AND kcu.table_schema = 'public'`,
      { name },
    );
    const indexes = await select<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = :name AND indexname NOT LIKE '%_pkey'",
      { name },
    );
    const checks = await select<{ count: string }>(
      `SELECT count(*) AS count FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relname = :name AND c.contype = 'c'`,
      { name },
    );
    picture[name] = {
      columns: Object.fromEntries(
        columns
          .sort((a, b) => a.column_name.localeCompare(b.column_name))
          .map((c) => [c.column_name, { type: family(c.data_type), nullable: c.is_nullable === 'YES' && c.column_name !== 'id' }]),
      ),
      foreignKeys: fks.map((f) => `${f.column_name} -> ${f.foreign_table} on delete ${f.delete_rule.toLowerCase()}`).sort(),
      indexes: indexes.map((i) => `${i.indexname}${i.indexdef.startsWith('CREATE UNIQUE') ? ' unique' : ''}`).sort(),
      checks: Number(checks[0]?.count ?? 0),
    };
  }
  return picture;
}
