import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { useConfig } from '../../../lib/api-context.tsx';
import { bulkQueries, useBulkApi } from '../api/bulk-queries.ts';
import {
  useChangeMeters,
  useRevokeGrant,
  type MeterChange,
  type RevokeResult as Revoked,
} from '../api/use-bulk-mutations.ts';
import { BulkHelp } from '../components/bulk-help.tsx';
import { ChangeResult } from '../components/change-result.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { GrantHistory } from '../components/grant-history.tsx';
import { IneligibleMeters } from '../components/ineligible-meters.tsx';
import { MeterSelector } from '../components/meter-selector.tsx';
import { formatCount, formatDateTime, scopeInWords, STATUS_LABELS, termText } from '../model/format.ts';
import type { GrantDetail } from '../model/grant.ts';
import type { Meter } from '../model/meter.ts';
import type { Selection } from '../model/selection.ts';

/** `/bulk/:grantId`: one grant, its meters and history; narrow, widen or revoke it. */
export function Component() {
  const { grantId = '' } = useParams();
  const api = useBulkApi();
  const grant = useQuery(bulkQueries.grant(api, grantId));
  const usagePoints = useQuery(bulkQueries.usagePoints(api));
  const title = grant.data ? `Bulk grant to ${grant.data.aggregator.name}` : 'Bulk grant';
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <Link to="/bulk">All bulk grants</Link>
      </p>
      <h1>{title}</h1>
      {grant.isPending || usagePoints.isPending ? (
        <LoadingState label="Loading the grant" />
      ) : grant.isError ? (
        <ErrorState
          title="This grant could not be loaded"
          error={grant.error}
          onRetry={() => void grant.refetch()}
        />
      ) : usagePoints.isError ? (
        <ErrorState
          title="Your meters could not be loaded"
          error={usagePoints.error}
          onRetry={() => void usagePoints.refetch()}
        />
      ) : (
        <GrantPage grant={grant.data} meters={usagePoints.data} />
      )}
    </>
  );
}

type Dialog = 'remove' | 'revoke' | null;

function GrantPage({ grant, meters }: { grant: GrantDetail; meters: Meter[] }) {
  const { espiBaseUrl } = useConfig();
  const byId = useMemo(() => new Map(meters.map((m) => [m.id, m])), [meters]);
  const granted = useMemo(
    () =>
      grant.usagePointIds.map(
        (id): Meter =>
          byId.get(id) ?? {
            id,
            title: `Usage point ${id}`,
            serviceKind: -1,
            meterId: '',
            site: '',
            address: '',
            bulkEligible: false,
          },
      ),
    [grant.usagePointIds, byId],
  );
  const { notGranted, ineligibleIds } = useMemo(() => {
    const inGrant = new Set(grant.usagePointIds);
    const outside = meters.filter((m) => !inGrant.has(m.id));
    return {
      notGranted: outside.filter((m) => m.bulkEligible),
      ineligibleIds: outside.filter((m) => !m.bulkEligible).map((m) => m.id),
    };
  }, [grant.usagePointIds, meters]);
  const [toRemove, setToRemove] = useState<Selection>(new Set());
  const [toAdd, setToAdd] = useState<Selection>(new Set());
  const [adding, setAdding] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const change = useChangeMeters(grant);
  const revoke = useRevokeGrant(grant);
  const active = grant.status === 'active';
  const name = grant.aggregator.name;

  function run(next: MeterChange) {
    change.mutate(next, {
      onSuccess: (result) => {
        if (!result.known) return;
        const still = new Set(result.grant.usagePointIds);
        if (next.action === 'remove') setToRemove((s) => new Set([...s].filter((id) => still.has(id))));
        else setToAdd((s) => new Set([...s].filter((id) => !still.has(id))));
      },
    });
  }

  function retry() {
    const last = change.variables;
    const result = change.data;
    if (!last) return;
    // Not known: the same key, so a change that did arrive is not applied twice. Otherwise the
    // meters left out, as a new change.
    if (!result?.known) run(last);
    else run({ ...last, usagePointIds: result.outcome.failed, idempotencyKey: crypto.randomUUID() });
  }

  return (
    <>
      <dl className="details card">
        <dt>Status</dt>
        <dd>
          <span className={`badge badge--${grant.status}`}>{STATUS_LABELS[grant.status]}</span>
        </dd>
        <dt>Meters</dt>
        <dd>{formatCount(grant.meterCount, 'meter')}</dd>
        <dt>Data shared</dt>
        <dd>{scopeInWords(grant.scope)}</dd>
        <dt>Term</dt>
        <dd>{termText(grant.termEnd)}</dd>
        <dt>Bulk id</dt>
        <dd>{grant.bulkId}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(grant.createdAt)}</dd>
        <dt>What {name} can fetch</dt>
        <dd>
          {active ? (
            <>
              The data of these {formatCount(grant.meterCount, 'meter')}, from{' '}
              <code>{`${espiBaseUrl}/Batch/Bulk/${grant.bulkId}`}</code>
            </>
          ) : (
            'Nothing: this grant has ended.'
          )}
        </dd>
      </dl>

      <div aria-live="polite">
        {change.data && !change.isPending && (
          <ChangeResult result={change.data} aggregator={name} byId={byId} onRetry={retry} />
        )}
        {revoke.data && !revoke.isPending && <RevokeResult result={revoke.data} aggregator={name} />}
      </div>

      <section aria-labelledby="grant-meters">
        <h2 id="grant-meters">Meters in this grant</h2>
        {active ? (
          <>
            <p>Select meters to stop sharing them with {name}.</p>
            <MeterSelector
              meters={granted}
              selected={toRemove}
              onChange={setToRemove}
              label="Meters in this grant"
              selectedNoun="selected to remove"
            />
            <p className="actions">
              <Button
                variant="secondary"
                disabled={toRemove.size === 0 || change.isPending}
                onClick={() => setDialog('remove')}
              >
                Remove {formatCount(toRemove.size, 'meter')}
              </Button>
            </p>
          </>
        ) : (
          <MeterSelector
            meters={granted}
            selected={toRemove}
            onChange={setToRemove}
            label="Meters in this grant"
          />
        )}
      </section>

      {active && (
        <section aria-labelledby="grant-add">
          <h2 id="grant-add">Add meters</h2>
          {adding ? (
            notGranted.length === 0 ? (
              <>
                <p>Every meter you can share is already in this grant.</p>
                {ineligibleIds.length > 0 && <IneligibleMeters ids={ineligibleIds} byId={byId} />}
              </>
            ) : (
              <>
                <MeterSelector
                  meters={notGranted}
                  selected={toAdd}
                  onChange={setToAdd}
                  label="Meters you can add"
                />
                {ineligibleIds.length > 0 && <IneligibleMeters ids={ineligibleIds} byId={byId} />}
                <p className="actions">
                  <Button
                    disabled={toAdd.size === 0 || change.isPending}
                    onClick={() =>
                      run({ action: 'add', usagePointIds: [...toAdd], idempotencyKey: crypto.randomUUID() })
                    }
                  >
                    {change.isPending && change.variables.action === 'add'
                      ? 'Adding…'
                      : `Add ${formatCount(toAdd.size, 'meter')}`}
                  </Button>
                  <Button variant="secondary" onClick={() => setAdding(false)}>
                    Close
                  </Button>
                </p>
              </>
            )
          ) : (
            <Button variant="secondary" onClick={() => setAdding(true)}>
              Choose meters to add
            </Button>
          )}
        </section>
      )}

      {active && (
        <section aria-labelledby="grant-revoke">
          <h2 id="grant-revoke">Revoke</h2>
          <p>
            Stop {name} reading any of these meters. This cannot be undone: to share again, make a new grant.
          </p>
          <Button variant="danger" onClick={() => setDialog('revoke')}>
            Revoke all access
          </Button>
        </section>
      )}

      <section aria-labelledby="grant-history">
        <h2 id="grant-history">History</h2>
        <GrantHistory history={grant.history} byId={byId} />
      </section>

      <BulkHelp />

      <ConfirmDialog
        open={dialog === 'remove'}
        title={`Remove ${formatCount(toRemove.size, 'meter')}?`}
        confirmLabel={`Remove ${formatCount(toRemove.size, 'meter')}`}
        busy={change.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          setDialog(null);
          run({ action: 'remove', usagePointIds: [...toRemove], idempotencyKey: crypto.randomUUID() });
        }}
      >
        <p>
          {name} will stop receiving the data of these meters at once.{' '}
          {formatCount(grant.meterCount - toRemove.size, 'meter stays', 'meters stay')} shared.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'revoke'}
        title={`Revoke ${name}'s bulk access?`}
        confirmLabel="Revoke all access"
        danger
        busy={revoke.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          setDialog(null);
          revoke.mutate({ idempotencyKey: crypto.randomUUID() });
        }}
      >
        <p>
          {name} will stop receiving data for all {formatCount(grant.meterCount, 'meter')} at once: its bulk
          feed (bulk id {grant.bulkId}) will no longer include any of them. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

function RevokeResult({ result, aggregator }: { result: Revoked; aggregator: string }) {
  if (!result.known) {
    return (
      <div className="alert alert--error" role="alert">
        <p>
          The utility could not be reached, so the portal cannot tell whether access was revoked. (
          {result.error})
        </p>
      </div>
    );
  }
  if (result.revoked) {
    return (
      <div className="alert alert--success" role="status">
        <p>Access revoked. {aggregator} can no longer fetch the data of any of these meters.</p>
      </div>
    );
  }
  return (
    <div className="alert alert--error" role="alert">
      <p>Nothing changed: the grant is still active. {result.error}</p>
    </div>
  );
}
