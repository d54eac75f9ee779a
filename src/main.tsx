/**
 * Entry point: validate configuration, start the mock custodian in demo builds, build the services
 * that live outside React (OIDC client, session, API client, query cache, router), then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/global.css';
import { App } from './app/app.tsx';
import { createAppRouter } from './app/router.tsx';
import { ConfigErrorPage } from './components/errors/config-error-page.tsx';
import { createApiClient } from './lib/api-client.ts';
import { ConfigError, parseConfig, type PortalConfig } from './lib/config.ts';
import { createQueryClient } from './lib/query-client.ts';
import { createSession } from './features/auth/api/session.ts';
import { createSessionNoticeStore } from './features/auth/model/session-notices.ts';
import { createUserManager } from './features/auth/api/user-manager.ts';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
const root = createRoot(rootElement);

function readConfig(): PortalConfig | null {
  try {
    return parseConfig(import.meta.env, window.location.origin);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    root.render(<ConfigErrorPage problems={error.problems} />);
    return null;
  }
}

async function start(config: PortalConfig) {
  if (import.meta.env.VITE_DEMO === 'true') {
    const { startDemo } = await import('./demo/start-demo.ts');
    await startDemo();
  }
  const userManager = createUserManager(config, window.location.origin);
  const notices = createSessionNoticeStore(window.sessionStorage);
  const queryClient = createQueryClient();
  const session = createSession({
    userManager,
    endProviderSession: config.oidc.endSession.kind !== 'none',
    resource: config.oidc.resource,
    onSessionLost: () => notices.show('session-lost'),
    onSessionEnding: () => notices.show('session-ending'),
    onSignedOutElsewhere: () => {
      queryClient.clear();
      notices.show('signed-out-elsewhere');
      void router.navigate('/');
    },
  });
  const apiClient = createApiClient(session.tokens, fetch, {
    tokenOrigins: [config.oidc.issuer, config.espiBaseUrl, config.customerApiBaseUrl],
  });
  // The router starts the first page's loader at once, so everything it uses exists before it.
  const router = createAppRouter({ config, apiClient, queryClient, userManager });
  root.render(
    <StrictMode>
      <App services={{ config, userManager, session, notices, apiClient, queryClient, router }} />
    </StrictMode>,
  );
}

const config = readConfig();
if (config) void start(config);
