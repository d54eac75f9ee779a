import type { RevokeVariables, useRevokeAuthorization } from '../api/revoke-authorization.ts';
import { ActionOutcome, type OutcomeWords } from './action-outcome.tsx';

function revokeWords({ authorization }: RevokeVariables): OutcomeWords {
  const name = authorization.thirdParty.name;
  return {
    pending: `Revoking access for ${name}… It is shown as revoked while your utility confirms.`,
    taken: () => (
      <>
        <strong>Access revoked.</strong> {name} can no longer read your data. Data it already has is not
        deleted.
      </>
    ),
    takenAfterDrop:
      'The connection dropped while revoking, but your utility confirms that access is revoked.',
    notTaken: (
      <>
        <strong>Access was not revoked: {name} can still read your data.</strong> Your utility did not accept
        the request, so nothing changed.
      </>
    ),
    unknown: (
      <>
        <strong>We could not confirm whether access for {name} was revoked.</strong> The utility could not be
        reached to check. Try again: revoking twice is harmless.
      </>
    ),
  };
}

/** The last revoke's outcome; it takes focus because the row's Revoke button is gone once it starts. */
export function RevokeOutcome({ mutation }: { mutation: ReturnType<typeof useRevokeAuthorization> }) {
  return <ActionOutcome mutation={mutation} words={revokeWords} className="revoke-outcome" />;
}
