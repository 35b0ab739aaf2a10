import path from 'node:path';
import { Sequelize, Transaction, type Options } from 'sequelize';

export type Dialect = 'sqlite' | 'postgres';

export type DatabaseConfig =
  | { dialect: 'sqlite'; storage: string }
  | { dialect: 'postgres'; url: string };

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

/** The default SQLite file, beside the migrations. Resolved from the project root so the build can move. */
export const DEFAULT_SQLITE_FILE = path.resolve(process.cwd(), 'db', 'horizon.sqlite');

/**
 * Reads DATABASE_URL: unset → the SQLite file; `postgres://` → PostgreSQL; `sqlite:<path>` → that file.
 * Anything else is refused with a message that names the problem instead of a driver stack trace.
 */
export function databaseConfig(url = process.env.DATABASE_URL): DatabaseConfig {
  const value = url?.trim();
  if (!value) return { dialect: 'sqlite', storage: DEFAULT_SQLITE_FILE };
  if (value.startsWith('sqlite:')) {
    const storage = value.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!storage) throw new DatabaseConfigError('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:db/horizon.sqlite');
    return { dialect: 'sqlite', storage: storage === ':memory:' ? storage : path.resolve(storage) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      const parsed = new URL(value);
      if (!parsed.hostname || parsed.pathname.length < 2) throw new Error('missing host or database name');
    } catch (error) {
      throw new DatabaseConfigError(
        `DATABASE_URL is not a valid PostgreSQL URL (${(error as Error).message}); expected postgres://user:password@host:5432/database`,
      );
    }
    return { dialect: 'postgres', url: value };
  }
  throw new DatabaseConfigError(
    `DATABASE_URL must start with postgres:// or sqlite:, or be left unset for the SQLite file db/horizon.sqlite (got "${value.split(':')[0]}:…")`,
  );
}

type SqliteConnection = {
  configure(option: 'busyTimeout', value: number): void;
  exec(sql: string, callback: (error: Error | null) => void): void;
  horizonReady?: Promise<void>;
};

/**
 * Statements outside a transaction take turns over this many connections. node-sqlite3 runs one
 * statement at a time per connection, so a page that starts its queries together would have them
 * queue on one core while the other idles; WAL lets readers on several connections run side by side.
 * Sequelize keeps a connection per `uuid` ('default' unless given) and closes them all on close().
 */
export const SQLITE_STATEMENT_LANES = 2;

// Sequelize opens one SQLite connection per transaction and offers no hook for it, so every new
// connection gets the per-connection pragmas here before its first statement.
function preparePerConnection(sequelize: Sequelize, storage: string) {
  const manager = sequelize.connectionManager as unknown as {
    connections: Record<string, SqliteConnection>;
    getConnection(options?: { uuid?: string }): Promise<SqliteConnection>;
    releaseConnection(connection: SqliteConnection, force?: boolean): unknown;
  };
  const open = manager.getConnection.bind(manager);
  const release = manager.releaseConnection.bind(manager);
  // Statements in flight per lane: each statement goes to the least busy one.
  const lanes = Array.from({ length: SQLITE_STATEMENT_LANES }, (_, i) => ({ uuid: i === 0 ? 'default' : `lane-${i}`, busy: 0 }));
  manager.getConnection = async (options?: { uuid?: string }) => {
    // A transaction names its own connection; one in-memory database is one connection.
    let lane: (typeof lanes)[number] | undefined;
    if (options && (options.uuid === undefined || options.uuid === 'default') && storage !== ':memory:') {
      lane = lanes.reduce((least, l) => (l.busy < least.busy ? l : least));
      lane.busy++;
      options.uuid = lane.uuid;
    }
    try {
      const connection = await open(options);
      connection.horizonReady ??= new Promise<void>((resolve, reject) => {
        connection.configure('busyTimeout', 10_000);
        connection.exec(
          'PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL;',
          (error) => (error ? reject(error) : resolve()),
        );
      });
      await connection.horizonReady;
      return connection;
    } catch (error) {
      // Sequelize releases only a connection it got.
      if (lane) lane.busy--;
      throw error;
    }
  };
  manager.releaseConnection = (connection, force) => {
    const lane = lanes.find((l) => manager.connections[l.uuid] === connection);
    if (lane && lane.busy > 0) lane.busy--;
    return release(connection, force);
  };
}

export function createSequelize(config: DatabaseConfig = databaseConfig(), extra: Options = {}): Sequelize {
  const common: Options = {
    // HORIZON_SQL_LOG=1 prints each statement with its duration (to find slow queries; `npm run bench` pages).
    ...(process.env.HORIZON_SQL_LOG ? { benchmark: true, logging: (sql: string, ms?: number) => console.error(`[sql ${ms} ms] ${sql}`) } : { logging: false }),
    define: { underscored: true },
    ...extra,
  };
  if (config.dialect === 'postgres') {
    return new Sequelize(config.url, {
      dialect: 'postgres',
      pool: { max: 10, min: 0, idle: 10_000 },
      ...common,
    });
  }
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage: config.storage,
    // Writers take the lock when they begin, so a read-then-write transaction never dead-ends on
    // SQLITE_BUSY; the busy timeout then queues them.
    transactionType: Transaction.TYPES.IMMEDIATE,
    ...common,
  });
  preparePerConnection(sequelize, config.storage);
  return sequelize;
}

/** WAL is a property of the file, so it is set once when a file database is opened. */
export async function prepareDatabase(sequelize: Sequelize): Promise<void> {
  const { storage } = (sequelize as unknown as { options: { storage?: string } }).options;
  if (sequelize.getDialect() === 'sqlite' && storage !== ':memory:') {
    await sequelize.query('PRAGMA journal_mode = WAL;');
  }
}

export function dialectOf(sequelize: Sequelize): Dialect {
  return sequelize.getDialect() === 'postgres' ? 'postgres' : 'sqlite';
}
