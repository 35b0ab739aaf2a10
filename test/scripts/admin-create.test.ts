import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { findUsableToken } from '~/modules/auth/mutations.server';
import { AuditEvent, db, User } from '~/utils/db.server';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

/** Runs the script against this test file's database, as `npm run admin:create` would. */
async function adminCreate(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/admin-create.ts', ...args], { env: { ...process.env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run admin:create', () => {
  // This file reads the database only through models: open the pool they are bound to.
  beforeAll(async () => {
    await db();
  });

  it('creates an administrator without a password and prints a one-time set-password link', async () => {
    const result = await adminCreate('Beheer@Vecht.example', 'Anna', 'Bakker');
    expect(result.code).toBe(0);
    const link = /https?:\/\/\S+\/set-password\/([A-Za-z0-9_-]+)/.exec(result.stdout);
    expect(link).not.toBeNull();
    const user = await User.findOne({ where: { email: 'beheer@vecht.example' } });
    expect(user).toMatchObject({ name: 'Anna Bakker', isAdmin: true, passwordHash: null, active: true });
    expect((await findUsableToken(link![1]!))?.user.id).toBe(user!.id);
    expect(await AuditEvent.findOne({ where: { entity: 'user', entityId: String(user!.id), action: 'invite' } })).toMatchObject({ actorLabel: 'system', actorUserId: null });
  }, 60_000);

  it('refuses an email that is taken or malformed, with one clear line and exit code 1', async () => {
    const taken = await adminCreate('beheer@vecht.example');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
    const malformed = await adminCreate('not-an-email');
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/not a valid email address/);
    const missing = await adminCreate();
    expect(missing.stderr).toMatch(/usage: npm run admin:create <email> \[name\]/);
  }, 60_000);
});
