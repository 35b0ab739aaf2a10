/** Who does something: a signed-in user, or the `system` actor scripts and scheduled jobs run as. */
export type Actor =
  | { kind: 'user'; userId: number; label: string; isAdmin: boolean }
  | { kind: 'system'; userId: null; label: 'system'; isAdmin: true };

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, label: 'system', isAdmin: true };

export function userActor(user: { id: number; email: string; isAdmin: boolean }): Actor {
  return { kind: 'user', userId: user.id, label: user.email, isAdmin: user.isAdmin };
}
