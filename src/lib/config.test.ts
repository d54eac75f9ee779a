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

  test('says which values are empty, and trims the ones it keeps', () => {
    try {
      parseConfig({ ...valid, VITE_OIDC_ISSUER: ' ', VITE_OIDC_CLIENT_ID: '  ' }, 'http://localhost');
      expect.unreachable('an empty issuer and client id are refused');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        { variable: 'VITE_OIDC_ISSUER', message: 'is empty' },
        { variable: 'VITE_OIDC_CLIENT_ID', message: 'is empty' },
      ]);
    }
    const config = parseConfig({ ...valid, VITE_OIDC_CLIENT_ID: ' portal ' }, 'http://localhost');
    expect(config.oidc.clientId).toBe('portal');
  });

  test('refuses a flag that is neither true nor false', () => {
    expect(() => parseConfig({ ...valid, VITE_DEMO: 'yes' }, 'http://localhost')).toThrow(/VITE_DEMO/);
  });
});

describe('what a real identity provider needs', () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      parseConfig({ ...valid, ...env }, 'http://localhost');
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  test('extra authorize parameters come from a query string (prompt=consent brings a refresh token)', () => {
    const config = parseConfig(
      { ...valid, VITE_OIDC_AUTHORIZE_PARAMS: 'prompt=consent&ui_locales=en%20fr' },
      'http://localhost',
    );
    expect(config.oidc.authorizeParams).toEqual({ prompt: 'consent', ui_locales: 'en fr' });
    expect(parseConfig(valid, 'http://localhost').oidc.authorizeParams).toEqual({});
  });

  test('extra authorize parameters cannot override what the portal sends itself', () => {
    expect(
      problemsOf({ VITE_OIDC_AUTHORIZE_PARAMS: 'prompt=consent&redirect_uri=https://evil.test' }),
    ).toEqual([
      { variable: 'VITE_OIDC_AUTHORIZE_PARAMS', message: expect.stringMatching(/must not set redirect_uri/) },
    ]);
  });

  test('resource indicators are space-separated absolute URIs', () => {
    const config = parseConfig(
      { ...valid, VITE_OIDC_RESOURCE: ' https://api.dc.test/espi  https://api.dc.test/customer ' },
      'http://localhost',
    );
    expect(config.oidc.resource).toEqual(['https://api.dc.test/espi', 'https://api.dc.test/customer']);
    expect(parseConfig(valid, 'http://localhost').oidc.resource).toEqual([]);
    expect(problemsOf({ VITE_OIDC_RESOURCE: '/espi https://api.dc.test/#x' })).toEqual([
      {
        variable: 'VITE_OIDC_RESOURCE',
        message: expect.stringMatching(/not: \/espi, https:\/\/api.dc.test\/#x/),
      },
    ]);
  });

  test('userinfo is loaded unless turned off (audience-restricted tokens cannot call it)', () => {
    expect(parseConfig(valid, 'http://localhost').oidc.userInfo).toBe(true);
    expect(parseConfig({ ...valid, VITE_OIDC_USERINFO: 'false' }, 'http://localhost').oidc.userInfo).toBe(
      false,
    );
    expect(problemsOf({ VITE_OIDC_USERINFO: 'off' }).map((p) => p.variable)).toEqual(['VITE_OIDC_USERINFO']);
  });

  test("sign-out ends the provider's session at discovery's endpoint, a given URL, or not at all", () => {
    const endSession = (value?: string) =>
      parseConfig({ ...valid, VITE_OIDC_END_SESSION: value }, 'http://localhost').oidc.endSession;
    expect(endSession(undefined)).toEqual({ kind: 'discovery' });
    expect(endSession('discovery')).toEqual({ kind: 'discovery' });
    expect(endSession('none')).toEqual({ kind: 'none' });
    expect(endSession('https://idp.test/logout')).toEqual({ kind: 'url', url: 'https://idp.test/logout' });
    expect(problemsOf({ VITE_OIDC_END_SESSION: 'yes' })).toEqual([
      { variable: 'VITE_OIDC_END_SESSION', message: "must be 'discovery', 'none' or an http(s) URL" },
    ]);
  });
});
