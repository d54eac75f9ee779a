import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { bulkQueries, useBulkApi } from '../api/bulk-queries.ts';
import { useSubmitGrant } from '../api/use-bulk-mutations.ts';
import { AggregatorStep } from '../components/aggregator-step.tsx';
import { BulkHelp } from '../components/bulk-help.tsx';
import { MeterSelector } from '../components/meter-selector.tsx';
import { IneligibleMeters } from '../components/ineligible-meters.tsx';
import { MeterNames } from '../components/meter-names.tsx';
import { ReviewStep } from '../components/review-step.tsx';
import { ScopeStep } from '../components/scope-step.tsx';
import { SubmitStep } from '../components/submit-step.tsx';
import { useWizardDraft } from '../hooks/use-wizard-draft.ts';
import { STEP_TITLES, WizardProgress } from '../components/wizard-progress.tsx';
import { localIsoDate, termProblem, type Aggregator } from '../model/grant.ts';
import { choiceProblems, defaultChoice, grantedScope, scopeOffer } from '../model/grant-scope.ts';
import type { Meter } from '../model/meter.ts';
import type { Selection } from '../model/selection.ts';
import { WIZARD_STEPS } from '../model/wizard-draft.ts';

/** `/bulk/new`: the grant wizard. */
export function Component() {
  const api = useBulkApi();
  const owner = useAuth().user?.profile.sub ?? '';
  const aggregators = useQuery(bulkQueries.aggregators(api));
  const usagePoints = useQuery(bulkQueries.usagePoints(api));
  return (
    <>
      <PageTitle>Grant bulk access</PageTitle>
      <h1>Grant bulk access</h1>
      <BulkHelp />
      {/* The draft belongs to one customer: wait for the session to say who, or it would be dropped. */}
      {!owner || aggregators.isPending || usagePoints.isPending ? (
        <LoadingState label="Loading aggregators and meters" />
      ) : aggregators.isError ? (
        <ErrorState
          title="The aggregators could not be loaded"
          error={aggregators.error}
          onRetry={() => void aggregators.refetch()}
        />
      ) : usagePoints.isError ? (
        <ErrorState
          title="Your meters could not be loaded"
          error={usagePoints.error}
          onRetry={() => void usagePoints.refetch()}
        />
      ) : (
        <Wizard key={owner} owner={owner} aggregators={aggregators.data} meters={usagePoints.data} />
      )}
    </>
  );
}

function Wizard(props: { owner: string; aggregators: Aggregator[]; meters: Meter[] }) {
  const { draft, update, restart, finish } = useWizardDraft(props.owner);
  const submit = useSubmitGrant();
  const [problems, setProblems] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(draft.step);

  const eligible = useMemo(() => props.meters.filter((m) => m.bulkEligible), [props.meters]);
  const ineligibleIds = useMemo(
    () => props.meters.filter((m) => !m.bulkEligible).map((m) => m.id),
    [props.meters],
  );
  const byId = useMemo(() => new Map(props.meters.map((m) => [m.id, m])), [props.meters]);
  const selection = useMemo<Selection>(() => new Set(draft.usagePointIds), [draft.usagePointIds]);
  const aggregator = props.aggregators.find((a) => a.clientId === draft.clientId);
  const offer = useMemo(() => (aggregator ? scopeOffer(aggregator.scope) : undefined), [aggregator]);
  const choice = draft.scope ?? (offer ? defaultChoice(offer) : undefined);
  const unavailable = draft.usagePointIds.filter((id) => !byId.get(id)?.bulkEligible);

  // A new step moves focus to its heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (shownStep.current === draft.step) return;
    shownStep.current = draft.step;
    heading.current?.focus();
  }, [draft.step]);

  const attempt = () =>
    aggregator && choice
      ? {
          grant: {
            clientId: aggregator.clientId,
            usagePointIds: draft.usagePointIds,
            scope: grantedScope(aggregator.scope, choice),
            term: draft.term,
          },
          idempotencyKey: draft.idempotencyKey,
          startedAt: draft.submittedAt ?? Date.now(),
        }
      : undefined;

  function send() {
    const next = attempt();
    if (!next) return;
    update((d) => ({ ...d, step: WIZARD_STEPS, submittedAt: d.submittedAt ?? next.startedAt }));
    submit.mutate(next, {
      onSuccess: (outcome) => {
        if (outcome.status === 'created') finish();
        // A refusal is remembered under its key: a corrected request needs a new one.
        if (outcome.status === 'not-created' && outcome.refused)
          update((d) => ({ ...d, idempotencyKey: crypto.randomUUID(), submittedAt: null }));
      },
    });
  }

  // Back on step 5 after a reload or a sign-in, with no answer yet: ask again with the same key.
  const resumed = useRef(false);
  useEffect(() => {
    if (
      resumed.current ||
      draft.step !== WIZARD_STEPS ||
      draft.submittedAt === null ||
      submit.status !== 'idle'
    )
      return;
    resumed.current = true;
    send();
  });

  function problemsOf(step: number): string[] {
    if (step === 1) return aggregator ? [] : ['Choose an aggregator.'];
    if (step === 2) return draft.usagePointIds.length > 0 ? [] : ['Choose at least one meter.'];
    if (step === 3 && offer && choice) {
      const term = termProblem(draft.term, localIsoDate(new Date()));
      return [...choiceProblems(offer, choice), ...(term ? [term] : [])];
    }
    if (step === 4) return unavailable.length > 0 ? ['Some chosen meters can no longer be shared.'] : [];
    return [];
  }

  function goTo(step: number) {
    setProblems([]);
    update((d) => ({ ...d, step }));
  }

  function next() {
    const found = problemsOf(draft.step);
    setProblems(found);
    if (found.length > 0) return;
    if (draft.step === 4) send();
    else goTo(draft.step + 1);
  }

  const step = draft.step;
  return (
    <section className="wizard-step" aria-labelledby="wizard-heading">
      <WizardProgress step={step} />
      <h2 id="wizard-heading" ref={heading} tabIndex={-1}>
        <span className="visually-hidden">
          Step {step} of {WIZARD_STEPS}:{' '}
        </span>
        {STEP_TITLES[step - 1]}
      </h2>
      {step !== 3 && problems.length > 0 && (
        <div className="alert alert--error" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}

      {step === 1 && (
        <AggregatorStep
          aggregators={props.aggregators}
          value={draft.clientId}
          onChange={(clientId) => update((d) => ({ ...d, clientId, scope: null }))}
        />
      )}
      {step === 2 && (
        <>
          <p>
            Choose the meters {aggregator?.name ?? 'the aggregator'} may read. Search narrows the list;
            “Select all” takes every meter that matches.
          </p>
          <MeterSelector
            meters={eligible}
            selected={selection}
            onChange={(next) => update((d) => ({ ...d, usagePointIds: [...next] }))}
            label="Your meters"
          />
          {ineligibleIds.length > 0 && <IneligibleMeters ids={ineligibleIds} byId={byId} />}
        </>
      )}
      {step === 3 && aggregator && offer && choice && (
        <ScopeStep
          aggregatorName={aggregator.name}
          offer={offer}
          choice={choice}
          onChoice={(scope) => update((d) => ({ ...d, scope }))}
          term={draft.term}
          onTerm={(term) => update((d) => ({ ...d, term }))}
          problems={problems}
        />
      )}
      {step === 4 && aggregator && choice && (
        <>
          {unavailable.length > 0 && (
            <div className="alert alert--warning">
              <p>These meters can no longer be shared:</p>
              <MeterNames ids={unavailable} byId={byId} />
              <Button
                variant="secondary"
                onClick={() =>
                  update((d) => ({
                    ...d,
                    usagePointIds: d.usagePointIds.filter((id) => !unavailable.includes(id)),
                  }))
                }
              >
                Leave them out
              </Button>
            </div>
          )}
          <ReviewStep
            aggregator={aggregator}
            meters={draft.usagePointIds.flatMap((id) => byId.get(id) ?? [])}
            scope={grantedScope(aggregator.scope, choice)}
            term={draft.term}
            onEdit={goTo}
          />
        </>
      )}
      {step === 5 && (
        <SubmitStep
          pending={submit.isPending}
          outcome={submit.data}
          onRetry={send}
          onBack={() => goTo(4)}
          onStartOver={() => {
            submit.reset();
            restart();
          }}
        />
      )}

      {step < WIZARD_STEPS && (
        <p className="actions">
          {step > 1 && (
            <Button variant="secondary" onClick={() => goTo(step - 1)}>
              Back
            </Button>
          )}
          <Button onClick={next}>{step === 4 ? 'Grant access' : 'Continue'}</Button>
          <button type="button" className="link-button" onClick={restart}>
            Start over
          </button>
        </p>
      )}
    </section>
  );
}
