import { useDeferredValue, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { useAuthorizationList, useUsagePointIndex } from '../api/authorization-queries.ts';
import type { Authorization } from '../api/authorization-schema.ts';
import {
  countByStatus,
  listPage,
  PAGE_SIZE,
  readListQuery,
  writeListQuery,
  type ListQuery,
} from '../model/authorization-list.ts';
import { AuthorizationCard } from '../components/authorization-card.tsx';
import { ListControls } from '../components/list-controls.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RevokeDialog } from '../components/revoke-dialog.tsx';
import { RevokeOutcome } from '../components/revoke-outcome.tsx';
import { useRevokeFlow } from '../hooks/use-revoke-flow.ts';
import '../components/authorizations.css';

const SECTION_TITLES = { active: 'Active', history: 'History' } as const;

export function Component() {
  const list = useAuthorizationList();
  const revoke = useRevokeFlow();
  return (
    <>
      <PageTitle>Connected apps</PageTitle>
      <h1>Connected apps</h1>
      <p>
        Apps you allowed to read your energy data, and what each may read. You can stop any of them here, or{' '}
        <Link to="/apps">find an app to connect</Link> in the directory of apps registered with your utility.
      </p>
      <RevokeOutcome mutation={revoke.mutation} />
      {list.data ? (
        <AuthorizationList
          authorizations={list.data}
          onRevoke={revoke.ask}
          isConfirming={revoke.isConfirming}
        />
      ) : list.isError ? (
        <ErrorState
          title="Your connected apps could not be loaded"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : (
        <LoadingState label="Loading your connected apps" />
      )}
      <RevokeDialog {...revoke.dialog} />
    </>
  );
}

function AuthorizationList(props: {
  authorizations: Authorization[];
  onRevoke: (authorization: Authorization) => void;
  isConfirming: (id: string) => boolean;
}) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readListQuery(params), [params]);
  // Typing in the search box stays responsive with hundreds of rows: the list follows a moment later.
  const deferredQuery = useDeferredValue(query);
  const { authorizations } = props;
  const usagePoints = useUsagePointIndex();
  const counts = useMemo(() => countByStatus(authorizations), [authorizations]);
  const page = useMemo(() => listPage(authorizations, deferredQuery), [authorizations, deferredQuery]);

  if (authorizations.length === 0) {
    return (
      <EmptyState title="No connected apps yet">
        <p>
          Connected apps are services, such as energy advisors or solar monitors, that you allow to read your
          energy data from your utility through Green Button Connect My Data.
        </p>
        <p>
          When you approve one on its website, it appears here with what it may read and until when, and you
          can revoke its access at any time.
        </p>
      </EmptyState>
    );
  }

  const setQuery = (next: Pick<ListQuery, 'search' | 'status'>) =>
    // A new search starts at page 1; typing replaces the history entry instead of adding one per key.
    setParams(writeListQuery({ ...next, page: 1 }), { replace: true });
  const hrefFor = (n: number) => `?${writeListQuery({ ...query, page: n }).toString()}`;
  const shownFrom = (page.page - 1) * PAGE_SIZE + 1;
  const shownTo = shownFrom - 1 + page.sections.reduce((n, s) => n + s.items.length, 0);

  return (
    <>
      <ListControls query={query} counts={counts} total={authorizations.length} onChange={setQuery} />
      <p role="status" className="muted">
        {page.matching === 0
          ? 'No connected app matches.'
          : page.pageCount > 1
            ? `Showing ${shownFrom}–${shownTo} of ${page.matching} connected apps.`
            : `${page.matching} connected ${page.matching === 1 ? 'app' : 'apps'}.`}
      </p>
      {page.matching === 0 ? (
        <EmptyState title="No connected app matches your search">
          <p>
            <Link to="?">Show all connected apps</Link>
          </p>
        </EmptyState>
      ) : (
        page.sections.map((section) => (
          <section key={section.key} className="auth-section" aria-labelledby={`section-${section.key}`}>
            <h2 id={`section-${section.key}`}>
              {SECTION_TITLES[section.key]} ({section.total})
            </h2>
            {section.key === 'history' && (
              <p className="muted">
                Expired, revoked and denied authorizations: none of these apps can read your data.
              </p>
            )}
            <ul className="auth-list">
              {section.items.map((authorization) => (
                <AuthorizationCard
                  key={authorization.id}
                  authorization={authorization}
                  usagePoints={usagePoints}
                  confirming={props.isConfirming(authorization.id)}
                  onRevoke={props.onRevoke}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={hrefFor} />
    </>
  );
}
