import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { countOf } from '../../../espi/index.ts';
import { MAX_COMPARED } from '../model/portfolio-params.ts';

/** The meters picked for the comparison, and the way to it: two to eight on one chart. */
export function CompareBar(props: { picked: string[]; month: string; onClear: () => void }) {
  const { picked } = props;
  const href = `/usage/compare?${new URLSearchParams({ meters: picked.join(','), month: props.month })}`;
  return (
    <div className="portfolio-compare">
      <span role="status">
        {picked.length === 0
          ? `Pick 2 to ${MAX_COMPARED} meters in the table to compare them.`
          : `${countOf(picked.length, 'meter')} picked${picked.length >= MAX_COMPARED ? ' (the most one chart shows)' : ''}.`}
      </span>
      {picked.length >= 2 && (
        <ButtonLink to={href} small>
          Compare {countOf(picked.length, 'meter')}
        </ButtonLink>
      )}
      {picked.length > 0 && (
        <Button variant="secondary" small onClick={props.onClear}>
          Clear
        </Button>
      )}
    </div>
  );
}
