import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

const valid = {
  VITE_DEMO: 'true',
  VITE_OIDC_ISSUER: '/custodian',
  VITE_OIDC_CLIENT_ID: 'green-button-portal',
  VITE_OIDC_SCOPE: 'openid profile',
  VITE_ESPI_BASE_URL: '/custodian/espi/1_1/resource/',
  VITE_CUSTOMER_API_BASE_URL: 'https://dc.example.com/api/customer/v1',
  VITE_API_ACCESS: 'false',
};

describe('parseConfig', () => {
  test('resolves same-origin paths against the page and keeps absolute URLs', () => {
    const config = parseConfig(valid, 'http://localhost:5173');
    expect(config.oidc.issuer).toBe('http://localhost:5173/custodian');
    expect(config.espiBaseUrl).toBe('http://localhost:5173/custodian/espi/1_1/resource');
    expect(config.customerApiBaseUrl).toBe('https://dc.example.com/api/customer/v1');
    expect(config.demo).toBe(true);
    expect(config.apiAccessEnabled).toBe(false);
  });

  test('names every bad variable', () => {
    const attempt = () =>
      parseConfig(
        { ...valid, VITE_OIDC_ISSUER: 'ftp://x', VITE_OIDC_SCOPE: 'profile', VITE_OIDC_CLIENT_ID: undefined },
        'http://localhost',
      );
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(variables).toEqual(['VITE_OIDC_CLIENT_ID', 'VITE_OIDC_ISSUER', 'VITE_OIDC_SCOPE']);
      expect((error as ConfigError).problems.find((p) => p.variable === 'VITE_OIDC_CLIENT_ID')?.message).toBe(
        'is missing',
      );
    }
  });

  test('refuses a flag that is neither true nor false', () => {
    expect(() => parseConfig({ ...valid, VITE_DEMO: 'yes' }, 'http://localhost')).toThrow(/VITE_DEMO/);
  });
});
