import { WIZARD_STEPS } from '../model/wizard-draft.ts';

export const STEP_TITLES = ['Choose the aggregator', 'Choose meters', 'Data and term', 'Review', 'Receipt'];

/** "Step 2 of 5" and the list of steps, the current one marked for assistive technology too. */
export function WizardProgress({ step }: { step: number }) {
  return (
    <nav className="wizard-progress" aria-label="Progress">
      <p className="wizard-progress__label">
        Step {step} of {WIZARD_STEPS}: {STEP_TITLES[step - 1]}
      </p>
      <ol>
        {STEP_TITLES.map((title, i) => (
          <li key={title} aria-current={i + 1 === step ? 'step' : undefined}>
            {i + 1}. {title}
          </li>
        ))}
      </ol>
    </nav>
  );
}
