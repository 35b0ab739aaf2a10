import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import type { Role } from '~/modules/auth/policy';
import { createInstitution } from '~/modules/institutions/mutations.server';
import type { InstitutionInput } from '~/modules/institutions/schema';
import { createUserWithPassword, grantMembership, inviteUser } from '~/modules/users/mutations.server';

/**
 * Test data built through the areas' own mutations, as the `system` actor: valid and audited like
 * the real thing. Names and emails are unique per call, so tests never collide within a file.
 */
let sequence = 0;
const next = () => `${++sequence}-${Math.random().toString(36).slice(2, 7)}`;

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export type TestUser = { id: number; email: string; name: string; isAdmin: boolean; password: string };

export async function makeInstitution(overrides: Partial<InstitutionInput> = {}): Promise<{ id: number; name: string }> {
  const input: InstitutionInput = { name: `Institution ${next()}`, sector: 'vocational-education', ...overrides };
  const { id } = await createInstitution(SYSTEM_ACTOR, input);
  return { id, name: input.name };
}

export async function makeUser(
  overrides: { email?: string; name?: string; isAdmin?: boolean; password?: string; locale?: 'nl' | 'en' | null } = {},
): Promise<TestUser> {
  const suffix = next();
  const user = {
    email: overrides.email ?? `user-${suffix}@horizon.test`,
    name: overrides.name ?? `User ${suffix}`,
    isAdmin: overrides.isAdmin ?? false,
    password: overrides.password ?? DEFAULT_PASSWORD,
  };
  const { id } = await createUserWithPassword(SYSTEM_ACTOR, { ...user, locale: overrides.locale ?? null });
  return { id, ...user, email: user.email.toLowerCase() };
}

export const makeAdmin = (overrides: Parameters<typeof makeUser>[0] = {}) => makeUser({ ...overrides, isAdmin: true });

export async function grant(user: { id: number }, institution: { id: number }, role: Role): Promise<void> {
  await grantMembership(SYSTEM_ACTOR, user.id, { institutionId: institution.id, role });
}

/** A user with one membership: `makeMember(college, 'manager')`. */
export async function makeMember(institution: { id: number }, role: Role, overrides: Parameters<typeof makeUser>[0] = {}): Promise<TestUser> {
  const user = await makeUser(overrides);
  await grant(user, institution, role);
  return user;
}

/** An invited user without a password yet, and the one-time link from the invitation. */
export async function makeInvitedUser(overrides: { email?: string; name?: string; isAdmin?: boolean } = {}) {
  const suffix = next();
  const input = { email: overrides.email ?? `invited-${suffix}@horizon.test`, name: overrides.name ?? `Invited ${suffix}`, isAdmin: overrides.isAdmin ?? false };
  const { id, link } = await inviteUser(SYSTEM_ACTOR, input);
  return { id, ...input, link, token: link.split('/set-password/')[1]! };
}
