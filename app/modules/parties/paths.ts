/** Where a party lives in the app, and where a new one goes next. Shared by server and browser. */
export type PartyPathKind = 'person' | 'organisation' | 'household';

const PLURAL: Record<PartyPathKind, string> = { person: 'persons', organisation: 'organisations', household: 'households' };

export function partyPath(institutionId: number, kind: PartyPathKind, id: number): string {
  return `/i/${institutionId}/parties/${PLURAL[kind]}/${id}`;
}

/** Its own page, or on to become a stakeholder when that is why it was made (`?then=stakeholder`). */
export function afterCreate(institutionId: number, kind: PartyPathKind, id: number, then: string | null): string {
  if (then === 'stakeholder') return `/i/${institutionId}/stakeholders/new?kind=${kind}&partyId=${id}`;
  return partyPath(institutionId, kind, id);
}
