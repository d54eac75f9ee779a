import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from './api-client.ts';
import type { PortalConfig } from './config.ts';
import type { LazyQueryClient } from './lazy-query-client.ts';
import type { SessionState, SessionStateStore } from './session-state.ts';

interface PortalServices {
  config: PortalConfig;
  apiClient: ApiClient;
  queryClient: LazyQueryClient;
  sessionState: SessionStateStore;
}

const PortalServicesContext = createContext<PortalServices | null>(null);

export function PortalServicesProvider(props: PortalServices & { children: ReactNode }) {
  const { config, apiClient, queryClient, sessionState, children } = props;
  return (
    <PortalServicesContext value={{ config, apiClient, queryClient, sessionState }}>
      {children}
    </PortalServicesContext>
  );
}

function usePortalServices(): PortalServices {
  const services = useContext(PortalServicesContext);
  if (!services) throw new Error('portal services are used outside PortalServicesProvider');
  return services;
}

export function useApiClient(): ApiClient {
  return usePortalServices().apiClient;
}

export function useConfig(): PortalConfig {
  return usePortalServices().config;
}

export function useLazyQueryClient(): LazyQueryClient {
  return usePortalServices().queryClient;
}

/** The session as shown (who is signed in); features/auth's useSession adds sign-in and sign-out. */
export function useSessionState(): SessionState {
  const { sessionState } = usePortalServices();
  return useSyncExternalStore(sessionState.subscribe, sessionState.get);
}
