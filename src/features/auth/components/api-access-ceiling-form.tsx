import { useId, useMemo, useState, type FormEvent } from 'react';
import { parseScope } from '../../../espi/index.ts';
import type { UsagePoint } from '../../../lib/usage-points.ts';
import { Button } from '../../../components/ui/button.tsx';
import type { Ceiling } from '../api/api-access-client.ts';
import { dataChoices, historyChoices, narrowScope } from '../model/api-access-scope.ts';

/** Each site once, in the order of the account's meter list, with how many meters it has. */
function sitesOf(usagePoints: UsagePoint[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const up of usagePoints) {
    const site = up.site ?? 'Other meters';
    counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count }));
}

/**
 * The client's ceiling: the most any token of it may read. Kinds of data and history are chosen within
 * the account's own access (`maximumScope`); meters are chosen by site, since a portfolio has too many
 * to tick one by one.
 */
export function CeilingForm(props: {
  maximumScope: string;
  usagePoints: UsagePoint[];
  /** The current ceiling when changing it; everything is chosen when creating. */
  current?: Ceiling;
  submitLabel: string;
  busy: boolean;
  onSubmit(ceiling: Ceiling): void;
  onCancel?(): void;
}) {
  const ids = useId();
  const choices = useMemo(() => dataChoices(props.maximumScope), [props.maximumScope]);
  const histories = useMemo(() => historyChoices(props.maximumScope), [props.maximumScope]);
  const sites = useMemo(() => sitesOf(props.usagePoints), [props.usagePoints]);
  const current = props.current && parseScope(props.current.scope);
  const currentMeters = new Set(props.current?.usagePointIds);

  const [chosen, setChosen] = useState(
    () => new Set(choices.map((c) => c.fb).filter((fb) => !current || current.functionBlocks.includes(fb))),
  );
  const [history, setHistory] = useState(
    () => current?.historyLength?.seconds ?? histories.at(-1)?.seconds ?? 0,
  );
  const [allMeters, setAllMeters] = useState(
    () => !props.current || props.usagePoints.every((up) => currentMeters.has(up.id)),
  );
  const [chosenSites, setChosenSites] = useState(
    () =>
      new Set(
        props.usagePoints.filter((up) => currentMeters.has(up.id)).map((up) => up.site ?? 'Other meters'),
      ),
  );
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const narrowed = narrowScope(props.maximumScope, [...chosen], history);
    if (!narrowed.ok) return setProblem(narrowed.problem);
    const usagePointIds = props.usagePoints
      .filter((up) => allMeters || chosenSites.has(up.site ?? 'Other meters'))
      .map((up) => up.id);
    if (usagePointIds.length === 0) return setProblem('Choose at least one site.');
    setProblem(null);
    props.onSubmit({ scope: narrowed.scope, usagePointIds });
  }

  const toggle = <T,>(set: Set<T>, item: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };

  return (
    <form
      className="stack"
      noValidate
      onSubmit={submit}
      aria-describedby={problem ? `${ids}-problem` : undefined}
    >
      {problem && (
        <div id={`${ids}-problem`} className="alert alert--error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <fieldset>
        <legend>What its tokens may read</legend>
        <ul className="api-access__choices">
          {choices.map((choice) => (
            <li key={choice.fb}>
              <label className="api-access__check">
                <input
                  type="checkbox"
                  checked={chosen.has(choice.fb)}
                  onChange={(event) => setChosen(toggle(chosen, choice.fb, event.target.checked))}
                />
                {choice.label}
              </label>
            </li>
          ))}
        </ul>
        <div className="field">
          <label htmlFor={`${ids}-history`}>History</label>
          <select
            id={`${ids}-history`}
            value={history}
            onChange={(event) => setHistory(Number(event.target.value))}
          >
            {histories.map((choice) => (
              <option key={choice.seconds} value={choice.seconds}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>Which meters</legend>
        <ul className="api-access__choices">
          <li>
            <label className="api-access__check">
              <input
                type="radio"
                name={`${ids}-meters`}
                checked={allMeters}
                onChange={() => setAllMeters(true)}
              />
              All {props.usagePoints.length.toLocaleString()} meters
            </label>
          </li>
          <li>
            <label className="api-access__check">
              <input
                type="radio"
                name={`${ids}-meters`}
                checked={!allMeters}
                onChange={() => setAllMeters(false)}
              />
              The meters of the sites chosen below
            </label>
          </li>
        </ul>
        {!allMeters && (
          <ul className="api-access__choices api-access__sites" aria-label="Sites">
            {sites.map((site) => (
              <li key={site.name}>
                <label className="api-access__check">
                  <input
                    type="checkbox"
                    checked={chosenSites.has(site.name)}
                    onChange={(event) => setChosenSites(toggle(chosenSites, site.name, event.target.checked))}
                  />
                  {site.name} ({site.count} {site.count === 1 ? 'meter' : 'meters'})
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <p className="actions">
        <Button type="submit" disabled={props.busy}>
          {props.submitLabel}
        </Button>
        {props.onCancel && (
          <Button variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
        )}
      </p>
    </form>
  );
}
