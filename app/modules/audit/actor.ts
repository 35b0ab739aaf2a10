/**
 * Who does something: a signed-in user, the `system` actor scripts and scheduled jobs run as, or a
 * stakeholder contact in the portal (no account: named by the link they followed).
 */
export type Actor =
  | { kind: 'user'; userId: number; label: string; isAdmin: boolean }
  | { kind: 'system'; userId: null; label: 'system'; isAdmin: true }
  | { kind: 'portal'; userId: null; label: string; isAdmin: false };

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, label: 'system', isAdmin: true };

export function userActor(user: { id: number; email: string; isAdmin: boolean }): Actor {
  return { kind: 'user', userId: user.id, label: user.email, isAdmin: user.isAdmin };
}

export function portalActor(portalLinkId: number): Actor {
  return { kind: 'portal', userId: null, label: `portal-link #${portalLinkId}`, isAdmin: false };
}
