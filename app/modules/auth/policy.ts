/** Membership roles, and what each may do inside its institution. Admins pass every check. */
export const ROLES = ['secretary', 'manager', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * read: see the institution's pages; write: keep the register, agreements, obligations, render;
 * manage: approve/lock/unlock a year, merge, waive, adopt codes, keep the theme list.
 */
export type Capability = 'read' | 'write' | 'manage';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  secretary: ['read', 'write'],
  manager: ['read', 'write', 'manage'],
  supervisor: ['read'],
};

/** The role a guard grants: a membership role, or `admin` for an administrator without one. */
export type EffectiveRole = Role | 'admin';

export function can(role: EffectiveRole, capability: Capability): boolean {
  return role === 'admin' || CAPABILITIES[role].includes(capability);
}

export function capabilitiesOf(role: EffectiveRole): Record<Capability, boolean> {
  return { read: can(role, 'read'), write: can(role, 'write'), manage: can(role, 'manage') };
}
