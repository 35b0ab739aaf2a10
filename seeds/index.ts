import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { importCodeLibraryFile } from '~/modules/governance/import.server';
import { createUserWithPassword } from '~/modules/users/mutations.server';
import { User } from '~/utils/db.server';

export { seedDemo } from './demo/index';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CODES_DIR = path.join(here, 'governance-codes');

export const BOOTSTRAP_ADMIN = { email: 'admin@horizon.test', name: 'Horizon Admin', password: 'horizon-demo' };

/** Imports every shipped library; an unchanged file writes nothing. */
export async function seedCodeLibraries(log: (line: string) => void = () => {}) {
  for (const file of (await readdir(CODES_DIR)).filter((f) => f.endsWith('.json')).sort()) {
    const outcome = await importCodeLibraryFile(SYSTEM_ACTOR, await readFile(path.join(CODES_DIR, file), 'utf8'));
    if (!outcome.ok) throw new Error(`${file}: ${outcome.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    log(`code library ${file}: ${outcome.result.created ? 'imported' : outcome.result.changed ? 'updated' : 'unchanged'}`);
  }
}

/** On an empty database, the administrator to sign in with first (documented as a demo account). */
export async function seedBootstrapAdmin(log: (line: string) => void = () => {}) {
  if ((await User.count()) > 0) return;
  await createUserWithPassword(SYSTEM_ACTOR, { ...BOOTSTRAP_ADMIN, isAdmin: true });
  log(`administrator ${BOOTSTRAP_ADMIN.email} created (password ${BOOTSTRAP_ADMIN.password}: change it)`);
}
