import { describe, expect, it } from 'vitest';
import { databaseConfig, DatabaseConfigError, DEFAULT_SQLITE_FILE } from '../../db/connection';

describe('DATABASE_URL', () => {
  it('unset means the SQLite file db/horizon.sqlite', () => {
    expect(databaseConfig('')).toEqual({ dialect: 'sqlite', storage: DEFAULT_SQLITE_FILE });
    expect(databaseConfig('  ')).toEqual({ dialect: 'sqlite', storage: DEFAULT_SQLITE_FILE });
  });

  it('postgres:// selects PostgreSQL', () => {
    expect(databaseConfig('postgres://u:p@127.0.0.1:5432/horizon')).toEqual({ dialect: 'postgres', url: 'postgres://u:p@127.0.0.1:5432/horizon' });
  });

  it.each([
    ['mysql://u@host/db', /must start with postgres:\/\/ or sqlite:/],
    ['postgres://', /not a valid PostgreSQL URL/],
    ['postgres://host-without-database', /missing host or database name/],
    ['sqlite:', /needs a file path/],
  ])('%s is refused with a message naming the problem', (url, message) => {
    expect(() => databaseConfig(url)).toThrow(DatabaseConfigError);
    expect(() => databaseConfig(url)).toThrow(message);
  });
});
