import { expect, test } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy.ts';

test('connect-src is limited to the configured custodian origins', () => {
  const csp = contentSecurityPolicy(
    {
      endpoints: ['https://dc.example.com/DataCustodian', 'https://api.example.com/espi/1_1/resource', '/x'],
    },
    { forMetaTag: false },
  );
  expect(csp).toContain("connect-src 'self' https://dc.example.com https://api.example.com;");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toContain('unsafe');
});

test('the meta-tag variant leaves out frame-ancestors, which browsers ignore there', () => {
  const csp = contentSecurityPolicy({ endpoints: ['/custodian'] }, { forMetaTag: true });
  expect(csp).not.toContain('frame-ancestors');
  expect(csp).toContain("connect-src 'self';");
});
