import { Button } from '../../../components/ui/button.tsx';
import type { MeterChangeResult } from '../api/use-bulk-mutations.ts';
import { formatCount } from '../model/format.ts';
import type { Meter } from '../model/meter.ts';
import { MeterNames } from './meter-names.tsx';

/**
 * What a change to a grant's meters did, from the grant as the utility reports it afterwards: all
 * applied, some (naming the meters left out), nothing, or not known (the utility could not be asked).
 */
export function ChangeResult(props: {
  result: MeterChangeResult;
  aggregator: string;
  byId: ReadonlyMap<string, Meter>;
  onRetry: () => void;
}) {
  const { result, aggregator, byId } = props;
  if (!result.known) {
    return (
      <div className="alert alert--error" role="alert">
        <p>
          The utility could not be reached, so the portal cannot tell whether the change was made. (
          {result.error})
        </p>
        <Button variant="secondary" onClick={props.onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  const { outcome } = result;
  const adding = outcome.action === 'add';
  const verb = adding ? 'added' : 'removed';
  const done = outcome.applied.length;
  const asked = done + outcome.failed.length;
  if (done === 0 && outcome.failed.length > 0) {
    return (
      <div className="alert alert--error" role="alert">
        <p>
          Nothing changed: no meter was {verb}. {result.error}
        </p>
        <Button variant="secondary" onClick={props.onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  if (outcome.failed.length > 0) {
    return (
      <div className="alert alert--warning" role="alert">
        <p>
          {formatCount(done, 'meter')} of {asked} {verb}. These {formatCount(outcome.failed.length, 'meter')}{' '}
          were not {verb}
          {result.error ? ` (${result.error})` : ''}:
        </p>
        <MeterNames ids={outcome.failed} byId={byId} reasons={result.reasons} />
        <Button variant="secondary" onClick={props.onRetry}>
          Try the rest again
        </Button>
      </div>
    );
  }
  return (
    <div className="alert alert--success" role="status">
      <p>
        {formatCount(done, 'meter')} {verb}.{' '}
        {adding ? `${aggregator} can now fetch their data.` : `${aggregator} no longer receives their data.`}
        {outcome.unchanged.length > 0 &&
          ` ${formatCount(outcome.unchanged.length, 'meter was', 'meters were')} already ${adding ? 'in' : 'out of'} the grant.`}
      </p>
    </div>
  );
}
