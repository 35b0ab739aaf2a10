/** Sign-in throttling: failures counted over a window, per account and per client address. */
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_ACCOUNT_FAILURES = 5;
// An address may front many people (an office behind one NAT), so it gets more room.
export const MAX_ADDRESS_FAILURES = 25;

export function isThrottled(failures: { account: number; address: number }): boolean {
  return failures.account >= MAX_ACCOUNT_FAILURES || failures.address >= MAX_ADDRESS_FAILURES;
}

export const INVITE_VALID_HOURS = 72;
export const MIN_PASSWORD_LENGTH = 10;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
