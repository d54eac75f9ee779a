import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import type { Authorization } from '../api/authorization-schema.ts';
import type { useChangeAuthorization } from '../api/change-authorization.ts';
import { formatDate, periodEnd } from '../model/authorization-dates.ts';
import { useNowSeconds } from '../hooks/use-now-seconds.ts';
import { daysUntilEnd, endsInWords, REMINDER_DAYS, renewedEnd } from '../model/expiry.ts';

/**
 * One-step renewal of an authorization whose term ends within a month: the new end date is stated on
 * the button and in the question, one confirmation, and the same scope. (To share less as well, change
 * it first.) The custodian sets the new end to one year from today; the date shown is computed the same way.
 */
export function Renewal(props: {
  authorization: Authorization;
  mutation: ReturnType<typeof useChangeAuthorization>;
}) {
  const { authorization: a, mutation } = props;
  const [asking, setAsking] = useState(false);
  const now = useNowSeconds();
  const days = daysUntilEnd(a, now);
  const end = periodEnd(a.authorizedPeriod);
  if (days === undefined || end === undefined || days > REMINDER_DAYS) return null;
  const name = a.thirdParty.name;
  const until = formatDate(renewedEnd(now));
  return (
    <section className="card renewal" aria-labelledby="renewal-heading">
      <h2 id="renewal-heading">{endsInWords(days)}</h2>
      <p>
        {name} can read your data until {formatDate(end)}. Renew to keep sharing the same data until {until}.
      </p>
      <Button disabled={mutation.isPending} onClick={() => setAsking(true)}>
        Renew until {until}
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Renew access for ${name}?`}
        confirmLabel={`Renew until ${until}`}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          mutation.mutate({
            kind: 'renew',
            authorization: a,
            request: {},
            idempotencyKey: crypto.randomUUID(),
          });
        }}
      >
        <p>
          Access will end on <strong>{until}</strong> instead of {formatDate(end)}. {name} keeps reading the
          same meters and data; nothing else changes, and you can still change or revoke it at any time.
        </p>
      </ConfirmDialog>
    </section>
  );
}
