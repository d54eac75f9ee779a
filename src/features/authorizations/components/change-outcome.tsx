import type { ChangeVariables, useChangeAuthorization } from '../api/change-authorization.ts';
import { formatDate, periodEnd } from '../model/authorization-dates.ts';
import { ActionOutcome, type OutcomeWords } from './action-outcome.tsx';

function changeWords({ kind, authorization }: ChangeVariables): OutcomeWords {
  const name = authorization.thirdParty.name;
  const told = ` Your utility has told ${name} of the change.`;
  if (kind === 'renew') {
    return {
      pending: `Renewing access for ${name}… Nothing is shown as changed until your utility confirms.`,
      taken: ({ authorization: renewed }) => {
        const end = periodEnd(renewed.authorizedPeriod);
        return (
          <>
            <strong>Access renewed{end === undefined ? '' : ` until ${formatDate(end)}`}.</strong> {name}{' '}
            keeps reading the same data.{told}
          </>
        );
      },
      takenAfterDrop: 'The connection dropped while saving, but your utility confirms the change.',
      notTaken: (
        <>
          <strong>
            Access was not renewed: {name} can read what it could before, until the same end date.
          </strong>{' '}
          Your utility did not accept the request.
        </>
      ),
      unknown: (
        <>
          <strong>We could not confirm whether access for {name} was renewed.</strong> The utility could not
          be reached to check. Try again: the same change is never made twice.
        </>
      ),
    };
  }
  return {
    pending: `Saving your changes for ${name}… Nothing is shown as changed until your utility confirms.`,
    taken: () => (
      <>
        <strong>Changes saved.</strong> From now on {name} can read only what you kept.{told}
      </>
    ),
    takenAfterDrop: 'The connection dropped while saving, but your utility confirms the change.',
    notTaken: (
      <>
        <strong>Nothing changed: {name} can read what it could before.</strong> Your utility did not accept
        the request.
      </>
    ),
    unknown: (
      <>
        <strong>We could not confirm whether your changes were saved.</strong> The utility could not be
        reached to check. Try again: the same change is never made twice.
      </>
    ),
  };
}

/** The last change or renewal's outcome, in the revoke outcome's words. */
export function ChangeOutcome({ mutation }: { mutation: ReturnType<typeof useChangeAuthorization> }) {
  return <ActionOutcome mutation={mutation} words={changeWords} />;
}
