/**
 * Entry point: validate configuration, start the mock custodian in demo builds, build the services
 * that live outside React (session, API client, the lazily loaded query cache, router), then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/global.css';
import { App } from './app/app.tsx';
import { createAppNavigator } from './app/app-navigator.ts';
import { ConfigErrorPage } from './components/errors/config-error-page.tsx';
import { createApiClient } from './lib/api-client.ts';
import { ConfigError, parseConfig, type PortalConfig } from './lib/config.ts';
import { lazyQueryClient } from './lib/lazy-query-client.ts';
import { createPortalAuth } from './features/auth/api/portal-auth.ts';
import { safeReturnTo } from './features/auth/model/return-to.ts';
import { createSessionNoticeStore } from './features/auth/model/session-notices.ts';

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
  const notices = createSessionNoticeStore(window.sessionStorage);
  const queryClient = lazyQueryClient();
  const navigator = createAppNavigator();
  const auth = createPortalAuth({
    config,
    storage: window.sessionStorage,
    onSessionLost: () => notices.show('session-lost'),
    onSessionEnding: () => notices.show('session-ending'),
    onSignedOutElsewhere: () => {
      queryClient.loaded()?.client.clear();
      notices.show('signed-out-elsewhere');
      navigator.navigate('/');
    },
    onSignedIn: (user) => {
      const { returnTo } = (user.state ?? {}) as { returnTo?: unknown };
      // `replace` drops `code` and `state` from the address bar and from history.
      navigator.navigate(safeReturnTo(returnTo, window.location.origin), { replace: true });
    },
  });
  const apiClient = createApiClient(auth.tokens, fetch, {
    tokenOrigins: [config.oidc.issuer, config.espiBaseUrl, config.customerApiBaseUrl],
  });
  root.render(
    <StrictMode>
      <App services={{ config, auth, notices, apiClient, queryClient, navigator }} />
    </StrictMode>,
  );
}

const config = readConfig();
if (config) void start(config);
