/** A monthly budget per service and the alerts to show, saved at the custodian. */
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { describeError } from '../../../lib/api-error.ts';
import type { AlertKind, InsightSettings, InsightSettingsInput } from '../api/insight-settings.ts';
import { useSaveSettings } from '../hooks/use-save-settings.ts';

const ALERTS: readonly { kind: AlertKind; label: string }[] = [
  { kind: 'budgetPassed', label: 'A budget is passed, or the projected bill is over it' },
  { kind: 'aboveLastYear', label: 'The last week used half as much again as the same week last year' },
  { kind: 'dataLate', label: 'Readings are more than two days late' },
];

/** A budget as typed: empty for none; otherwise a positive amount with at most cents. */
function budgetError(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) return 'Enter an amount above zero, or leave it empty for no budget.';
  if (Math.round(n * 100) !== n * 100) return 'Enter the amount in dollars and cents.';
  return undefined;
}

export function BudgetForm(props: {
  settings: InsightSettings;
  services: readonly { name: string; label: string }[];
}) {
  const { settings, services } = props;
  const save = useSaveSettings();
  const [budgets, setBudgets] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      services.map((s) => [
        s.name,
        String(settings.budgets.find((b) => b.service === s.name)?.monthly ?? ''),
      ]),
    ),
  );
  const [alerts, setAlerts] = useState(settings.alerts);
  const [submitted, setSubmitted] = useState(false);
  const errors = Object.fromEntries(services.map((s) => [s.name, budgetError(budgets[s.name] ?? '')]));
  const input = (): InsightSettingsInput => ({
    budgets: services.flatMap((s) => {
      const text = (budgets[s.name] ?? '').trim();
      return text === '' ? [] : [{ service: s.name, monthly: Number(text) }];
    }),
    alerts,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    save.mutate(input());
  };
  return (
    <form className="budget-form" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>Monthly budget</legend>
        {services.map((s) => {
          const error = submitted ? errors[s.name] : undefined;
          return (
            <label key={s.name}>
              {s.label}, dollars a month{' '}
              <input
                type="number"
                inputMode="decimal"
                min="0.01"
                step="0.01"
                name={`budget-${s.name}`}
                value={budgets[s.name] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `budget-${s.name}-error` : undefined}
                onChange={(e) => setBudgets({ ...budgets, [s.name]: e.target.value })}
              />
              {error && (
                <span id={`budget-${s.name}-error`} className="field-error">
                  {error}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Tell me on the home page when</legend>
        {ALERTS.map((a) => (
          <label key={a.kind}>
            <input
              type="checkbox"
              name={a.kind}
              checked={alerts[a.kind]}
              onChange={(e) => setAlerts({ ...alerts, [a.kind]: e.target.checked })}
            />{' '}
            {a.label}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save'}
      </Button>
      <div aria-live="polite" className="save-state">
        {save.isPending && <p role="status">Saving your budgets and alerts at your utility…</p>}
        {save.isSuccess && <p className="alert alert--success">Saved at your utility.</p>}
        {save.isError && (
          <p className="alert alert--error">
            Not saved: {describeError(save.error)}{' '}
            <button type="button" className="link-button" onClick={() => save.mutate(input())}>
              Try again
            </button>
          </p>
        )}
      </div>
    </form>
  );
}
