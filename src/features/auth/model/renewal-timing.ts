/**
 * When to renew an access token: halfway through its lifetime, so a refused or slow renewal still
 * leaves half of it to warn the person, and never sooner than a floor, so a provider issuing very
 * short tokens cannot make the portal refresh in a loop (a fixed "one minute before expiry" warning
 * renewed a 30-second token every second).
 */
export const RENEWAL_FLOOR_SECONDS = 5;

/** Seconds from now until renewal, for a token that expires in `expiresInSeconds`. */
export function renewalDelaySeconds(expiresInSeconds: number): number {
  return Math.max(RENEWAL_FLOOR_SECONDS, expiresInSeconds / 2);
}
