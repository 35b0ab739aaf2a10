import type { Capability } from '~/modules/auth/policy';

/**
 * Who may do what with compliance statements. The guard answers 403 for a role without the
 * capability; these say which controls a page offers, so nobody is shown a button that refuses.
 * secretary and manager write statements; a manager (or admin) adopts codes, approves and unlocks;
 * a supervisor reads.
 */
type Can = Record<Capability, boolean>;
type Year = { opened: boolean; locked: boolean };

/** The capability each compliance action needs (the route passes it to the guard). */
export const COMPLIANCE_CAPABILITY = {
  openYear: 'write',
  copyFromLastYear: 'write',
  saveStatement: 'write',
  addEvidence: 'write',
  removeEvidence: 'write',
  adoptCode: 'manage',
  endAdoption: 'manage',
  approveYear: 'manage',
  unlockYear: 'manage',
} as const satisfies Record<string, Capability>;

export const mayEditStatements = (can: Can, year: Year) => can.write && year.opened && !year.locked;
export const mayOpenYear = (can: Can, year: Year) => can.write && !year.locked;
export const mayApprove = (can: Can, year: Year) => can.manage && year.opened && !year.locked;
export const mayUnlock = (can: Can, year: Year) => can.manage && year.locked;
export const mayAdopt = (can: Can) => can.manage;
