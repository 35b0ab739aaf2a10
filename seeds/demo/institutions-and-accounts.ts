import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import type { Role } from '~/modules/auth/policy';
import { createInstitution } from '~/modules/institutions/mutations.server';
import type { InstitutionInput } from '~/modules/institutions/schema';
import { createUserWithPassword, grantMembership } from '~/modules/users/mutations.server';
import { INSTITUTION_KEYS, newRefs, type InstitutionKey, type InstitutionRefs } from './context';

export const DEMO_PASSWORD = 'horizon-demo';

/** Three fictitious institutions, one per sector the shipped codes cover. */
export const DEMO_INSTITUTIONS: Record<InstitutionKey, InstitutionInput> = {
  vecht: {
    name: 'Vecht College', sector: 'vocational-education', kvkNumber: '61834527', city: 'Utrecht',
    website: 'https://www.vechtcollege.example',
  },
  lekstroom: {
    name: 'Woonstichting Lekstroom', sector: 'housing', kvkNumber: '30127745', city: 'Nieuwegein',
    website: 'https://www.lekstroom.example',
  },
  amstelhof: {
    name: 'Zorggroep Amstelhof', sector: 'healthcare', kvkNumber: '34219968', city: 'Amstelveen',
    website: 'https://www.amstelhof.example',
  },
};

type Account = {
  email: string;
  name: string;
  locale: 'nl' | 'en';
  memberships: [InstitutionKey, Role][];
  /** A documented demo login; colleagues get a random password nobody knows (an admin can re-invite them). */
  demo: boolean;
};

/**
 * The demo logins of the README, and the colleagues who make each institution's team complete:
 * every institution has a secretary and a manager to own stakeholders, answer for obligations and
 * render account (a supervisor may not).
 */
export const DEMO_ACCOUNTS: readonly Account[] = [
  { email: 'secretary@horizon.test', name: 'Sanne de Boer', locale: 'nl', memberships: [['vecht', 'secretary']], demo: true },
  { email: 'manager@horizon.test', name: 'Thomas Mulder', locale: 'nl', memberships: [['lekstroom', 'manager']], demo: true },
  {
    email: 'supervisor@horizon.test', name: 'Anna Verbeek', locale: 'en',
    memberships: [['vecht', 'supervisor'], ['lekstroom', 'supervisor'], ['amstelhof', 'supervisor']], demo: true,
  },
  { email: 'jeroen.bakker@vechtcollege.example', name: 'Jeroen Bakker', locale: 'nl', memberships: [['vecht', 'manager']], demo: false },
  { email: 'fleur.hendriks@lekstroom.example', name: 'Fleur Hendriks', locale: 'nl', memberships: [['lekstroom', 'secretary']], demo: false },
  { email: 'yasmina.elidrissi@amstelhof.example', name: 'Yasmina El Idrissi', locale: 'nl', memberships: [['amstelhof', 'secretary']], demo: false },
  { email: 'robert.schouten@amstelhof.example', name: 'Robert Schouten', locale: 'en', memberships: [['amstelhof', 'manager']], demo: false },
];

/** Creates the institutions, the accounts and their memberships; returns each institution's refs. */
export async function seedInstitutionsAndAccounts(log: (line: string) => void): Promise<Record<InstitutionKey, InstitutionRefs>> {
  const ids = {} as Record<InstitutionKey, number>;
  for (const key of INSTITUTION_KEYS) ids[key] = (await createInstitution(SYSTEM_ACTOR, DEMO_INSTITUTIONS[key])).id;

  const staff = {} as Record<InstitutionKey, { secretary?: number; manager?: number }>;
  for (const key of INSTITUTION_KEYS) staff[key] = {};
  for (const account of DEMO_ACCOUNTS) {
    const password = account.demo ? DEMO_PASSWORD : randomBytes(24).toString('base64url');
    const { id } = await createUserWithPassword(SYSTEM_ACTOR, { email: account.email, name: account.name, isAdmin: false, password, locale: account.locale });
    for (const [institution, role] of account.memberships) {
      await grantMembership(SYSTEM_ACTOR, id, { institutionId: ids[institution], role });
      if (role !== 'supervisor') staff[institution][role] = id;
    }
    if (account.demo) log(`demo account ${account.email} (${account.memberships.map(([i, r]) => `${r} of ${DEMO_INSTITUTIONS[i].name}`).join(', ')})`);
  }

  const refs = {} as Record<InstitutionKey, InstitutionRefs>;
  for (const key of INSTITUTION_KEYS) {
    const { secretary, manager } = staff[key];
    if (!secretary || !manager) throw new Error(`demo data: ${DEMO_INSTITUTIONS[key].name} needs a secretary and a manager`);
    refs[key] = newRefs(ids[key], { secretary, manager });
  }
  return refs;
}
