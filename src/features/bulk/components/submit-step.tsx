import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { useConfig } from '../../../lib/api-context.tsx';
import { formatCount, scopeInWords, termText } from '../model/format.ts';
import type { SubmitOutcome } from '../model/submit-outcome.ts';

/**
 * Step 5: the submit under way, then its outcome in plain words: the receipt, "nothing was created",
 * or "not known yet" with a check that reuses the same Idempotency-Key.
 */
export function SubmitStep(props: {
  pending: boolean;
  outcome: SubmitOutcome | undefined;
  onRetry: () => void;
  onBack: () => void;
  onStartOver: () => void;
}) {
  const { espiBaseUrl } = useConfig();
  const { outcome } = props;
  if (props.pending || !outcome) return <LoadingState label="Granting access…" />;
  if (outcome.status === 'unknown') {
    return (
      <div className="alert alert--error" role="alert">
        <p>
          <strong>We could not find out whether your grant was created.</strong> The utility could not be
          reached. ({outcome.reason})
        </p>
        <p>
          Nothing will be created twice: when you check again, the utility recognises this request and answers
          with the grant if it exists.
        </p>
        <Button onClick={props.onRetry}>Check again</Button>
      </div>
    );
  }
  if (outcome.status === 'not-created') {
    return (
      <div className="alert alert--error" role="alert">
        <p>
          <strong>Nothing was created; try again.</strong> {outcome.reason}
        </p>
        <p className="actions">
          <Button onClick={props.onRetry}>Try again</Button>
          <Button variant="secondary" onClick={props.onBack}>
            Back to the review
          </Button>
        </p>
      </div>
    );
  }
  const { grant } = outcome;
  const feed = `${espiBaseUrl}/Batch/Bulk/${grant.bulkId}`;
  return (
    <>
      <div className="alert alert--success" role="status">
        <p>
          <strong>Your grant was created.</strong>{' '}
          {outcome.via !== 'answer' &&
            'The connection dropped while granting; the portal checked with the utility and the grant exists once.'}
        </p>
      </div>
      <dl className="details card">
        <dt>Grant</dt>
        <dd>{grant.id}</dd>
        <dt>Bulk id</dt>
        <dd>{grant.bulkId}</dd>
        <dt>Aggregator</dt>
        <dd>{grant.aggregator.name}</dd>
        <dt>Meters</dt>
        <dd>{formatCount(grant.meterCount, 'meter')}</dd>
        <dt>Data</dt>
        <dd>{scopeInWords(grant.scope)}</dd>
        <dt>Term</dt>
        <dd>{termText(grant.termEnd)}</dd>
        <dt>What {grant.aggregator.name} can now fetch</dt>
        <dd>
          The data of these {formatCount(grant.meterCount, 'meter')}, and no other, from its bulk feed{' '}
          <code>{feed}</code>.
        </dd>
      </dl>
      <p className="actions">
        <ButtonLink to={`/bulk/${encodeURIComponent(grant.id)}`}>See this grant</ButtonLink>
        <ButtonLink variant="secondary" to="/bulk">
          All bulk grants
        </ButtonLink>
        <button type="button" className="link-button" onClick={props.onStartOver}>
          Grant access to another aggregator
        </button>
      </p>
    </>
  );
}
