/**
 * The app directory: every third party registered with the utility, as its ApplicationInformation
 * says, and "Connect", which starts ESPI's custodian-initiated flow (docs/espi.md 4.1): the customer
 * picks what to share at the app, the app asks the utility, the customer allows, and the app is then
 * listed under Connected apps (and marked here).
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { useApiClient, useConfig } from '../../../lib/api-context.tsx';
import { connectedAppsOptions, registeredAppsOptions } from '../api/directory-queries.ts';
import { DirectoryCard } from '../components/directory-card.tsx';
import '../components/app-directory.css';

export function Component() {
  const client = useApiClient();
  const { espiBaseUrl, customerApiBaseUrl } = useConfig();
  const apps = useQuery(registeredAppsOptions(client, espiBaseUrl));
  // Without the list of connections the directory still works: nothing is marked.
  const connected = useQuery(connectedAppsOptions(client, customerApiBaseUrl));

  let body;
  if (apps.isPending) body = <LoadingState label="Loading the apps registered with your utility" />;
  else if (apps.isError) {
    body = (
      <ErrorState
        title="The app directory could not be loaded"
        error={apps.error}
        onRetry={() => void apps.refetch()}
      />
    );
  } else if (apps.data.length === 0) {
    body = <EmptyState title="No apps are registered with your utility yet" />;
  } else {
    body = (
      <>
        <p role="status">
          {apps.data.length} apps
          {connected.data
            ? `, ${apps.data.filter((a) => connected.data.has(a.clientId)).length} connected`
            : ''}
          .
        </p>
        {connected.isError && (
          <p className="muted">Which apps you already connected could not be loaded: none is marked.</p>
        )}
        <ul className="directory-list">
          {apps.data.map((entry) => (
            <li key={entry.clientId}>
              <DirectoryCard entry={entry} authorizationId={connected.data?.get(entry.clientId)} />
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <>
      <PageTitle>App directory</PageTitle>
      <h1>App directory</h1>
      <p>
        Apps registered with your utility that can read your energy data once you allow it. Connect sends you
        to the app to choose what to share; you then confirm here at your utility, and the app appears under{' '}
        <Link to="/authorizations">Connected apps</Link>, where you can stop it at any time.
      </p>
      {body}
    </>
  );
}
