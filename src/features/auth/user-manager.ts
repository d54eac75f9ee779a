/**
 * The portal's one oidc-client-ts UserManager, built from validated configuration.
 * Authorization code + PKCE (S256, the library's default) with `state` and `nonce` checked by the
 * library; tokens and the in-flight sign-in state (which holds the PKCE verifier) in sessionStorage,
 * never localStorage (security.md). Renewal uses the refresh token, so no hidden iframe is needed.
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { PortalConfig } from '../../lib/config.ts';

export const CALLBACK_PATH = '/auth/callback';

export function createUserManager(config: PortalConfig, origin: string): UserManager {
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  return new UserManager({
    authority: config.oidc.issuer,
    client_id: config.oidc.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    scope: config.oidc.scope,
    response_type: 'code',
    userStore: store,
    stateStore: store,
    // Renewal is driven by session.ts through one single-flight call: with rotated refresh tokens, two
    // concurrent refreshes (the library's timer and a 401 retry) would present a spent token.
    automaticSilentRenew: false,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    monitorSession: false,
    loadUserInfo: true,
  });
}
