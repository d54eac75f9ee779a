import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './api-client.ts';
import type { PortalConfig } from './config.ts';

const ApiClientContext = createContext<ApiClient | null>(null);
const ConfigContext = createContext<PortalConfig | null>(null);

export function PortalServicesProvider(props: {
  config: PortalConfig;
  apiClient: ApiClient;
  children: ReactNode;
}) {
  return (
    <ConfigContext value={props.config}>
      <ApiClientContext value={props.apiClient}>{props.children}</ApiClientContext>
    </ConfigContext>
  );
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient must be used inside PortalServicesProvider');
  return client;
}

export function useConfig(): PortalConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig must be used inside PortalServicesProvider');
  return config;
}
