import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ButtonLink } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { bulkQueries, useBulkApi } from '../api/bulk-queries.ts';
import { BulkHelp } from '../components/bulk-help.tsx';
import { formatCount, scopeInWords, STATUS_LABELS, termText } from '../model/format.ts';

/** `/bulk`: the customer's bulk grants, newest first, and the way to make a new one. */
export function Component() {
  const api = useBulkApi();
  const grants = useQuery(bulkQueries.grantList(api));
  return (
    <>
      <PageTitle>Bulk access</PageTitle>
      <h1>Bulk access</h1>
      <p>
        Let an energy service company or aggregator read the data of many of your meters under one grant. You
        choose the meters, which data and for how long, and you can change or revoke it at any time.
      </p>
      <BulkHelp />
      <p className="actions">
        <ButtonLink to="/bulk/new">Grant bulk access</ButtonLink>
      </p>
      <h2>Your grants</h2>
      {grants.isPending ? (
        <LoadingState label="Loading your grants" />
      ) : grants.isError ? (
        <ErrorState
          title="Your grants could not be loaded"
          error={grants.error}
          onRetry={() => void grants.refetch()}
        />
      ) : grants.data.length === 0 ? (
        <EmptyState title="No bulk grants yet" headingLevel={3}>
          <p>No aggregator can read your meters in bulk.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              Bulk grants: aggregator, meters, data, term and status
            </caption>
            <thead>
              <tr>
                <th scope="col">Aggregator</th>
                <th scope="col" className="number">
                  Meters
                </th>
                <th scope="col">Data shared</th>
                <th scope="col">Term</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {[...grants.data]
                .sort((a, b) => b.createdAt - a.createdAt)
                .map((grant) => (
                  <tr key={grant.id}>
                    <th scope="row">
                      <Link to={`/bulk/${encodeURIComponent(grant.id)}`}>{grant.aggregator.name}</Link>
                      <div className="muted">Bulk id {grant.bulkId}</div>
                    </th>
                    <td className="number">{formatCount(grant.meterCount, 'meter')}</td>
                    <td>{scopeInWords(grant.scope)}</td>
                    <td>{termText(grant.termEnd)}</td>
                    <td>
                      <span className={`badge badge--${grant.status}`}>{STATUS_LABELS[grant.status]}</span>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
