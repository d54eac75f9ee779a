import { useState } from 'react';
import '../api-access.css';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { useConfig } from '../../../lib/api-context.tsx';
import type { ClientCredentials, IssuedToken } from '../api-access-client.ts';
import { ApiAccessForm } from '../api-access-form.tsx';
import { espiScopeIn } from '../api-access-scope.ts';
import { ApiAccessTokenPanel } from '../api-access-token-panel.tsx';
import { useSession } from '../session-context.tsx';

/**
 * API access (issue 5): large customers pull their own data through the Connect My Data API with a
 * token no wider than their own account, obtained with the resource-owner password grant. Shown only
 * when the deployment enables it (VITE_API_ACCESS). The token lives in this page's memory until the
 * person leaves or revokes it; nothing typed here is kept.
 */
export function Component() {
  const config = useConfig();
  const { grantedScope } = useSession();
  const ceiling = espiScopeIn(grantedScope);
  const [issued, setIssued] = useState<{ token: IssuedToken; client: ClientCredentials } | null>(null);

  return (
    <>
      <PageTitle>API access</PageTitle>
      <h1>API access to your own data</h1>
      <p>
        If your organisation reads its energy data with its own software, get an access token here for the
        Green Button Connect My Data API. The token reads your own account&apos;s data only, and only what you
        choose below.
      </p>
      <details className="card">
        <summary>Why a password here, and who this page is for</summary>
        <p>
          You normally sign in on your utility&apos;s own page and the portal never sees your password
          (authorization code with PKCE). That stays the way to sign in.
        </p>
        <p>
          This page uses another way, the OAuth password grant, which the OAuth security best practice (RFC
          9700) says should not be used: an application that asks for your password could misuse it. It is
          offered here as a narrow exception, for customers with API credentials from the utility, because:
        </p>
        <ul>
          <li>
            the data is your own, and the credentials are your own, typed into your own utility&apos;s portal;
          </li>
          <li>
            the token grants no more than your own account&apos;s data, and less if you choose, where the
            alternative for software (client credentials) grants far more;
          </li>
          <li>nothing typed here is stored, and you can revoke the token at any time.</li>
        </ul>
        <p>Never type your utility password into any other application.</p>
      </details>
      {issued ? (
        <ApiAccessTokenPanel
          token={issued.token}
          client={issued.client}
          demo={config.demo}
          onDone={() => setIssued(null)}
        />
      ) : (
        <ApiAccessForm ceiling={ceiling} onIssued={(token, client) => setIssued({ token, client })} />
      )}
    </>
  );
}
