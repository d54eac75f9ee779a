/**
 * The portal's one oidc-client-ts UserManager, built from validated configuration.
 * Authorization code + PKCE (S256, the library's default) with `state` and `nonce` checked by the
 * library; tokens and the in-flight sign-in state (which holds the PKCE verifier and the nonce) in
 * sessionStorage, never localStorage (docs/security.md). Renewal uses the refresh token, so no hidden
 * iframe is needed.
 */
import {
  UserManager,
  WebStorageStateStore,
  type SigninRedirectArgs,
  type StateStore,
  type UserManagerSettings,
} from 'oidc-client-ts';
import type { PortalConfig } from '../../../lib/config.ts';

export const CALLBACK_PATH = '/auth/callback';

/** Where the provider sends the person back after ending its session (register it as is). */
export function postLogoutRedirectUri(origin: string): string {
  return `${origin}/`;
}

export function userManagerSettings(
  config: PortalConfig,
  origin: string,
  store: StateStore,
): UserManagerSettings {
  const { oidc } = config;
  // oidc-client-ts repeats array values on the authorize and refresh requests, but the code exchange
  // takes single values only: with several audiences the provider takes them from the grant.
  const [onlyResource] = oidc.resource.length === 1 ? oidc.resource : [];
  return {
    authority: oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: postLogoutRedirectUri(origin),
    scope: oidc.scope,
    response_type: 'code',
    extraQueryParams: oidc.authorizeParams,
    ...(oidc.resource.length ? { resource: oidc.resource } : {}),
    ...(onlyResource ? { extraTokenParams: { resource: onlyResource } } : {}),
    ...(oidc.endSession.kind === 'url'
      ? { metadataSeed: { end_session_endpoint: oidc.endSession.url } }
      : {}),
    userStore: store,
    stateStore: store,
    // Renewal is driven by session.ts, timed from each token's lifetime, through one single-flight
    // call: with rotated refresh tokens, two concurrent refreshes would present a spent token.
    automaticSilentRenew: false,
    monitorSession: false,
    // An audience-restricted access token (RFC 8707, RFC 9068) is refused by userinfo: then the
    // id_token's claims are the profile.
    loadUserInfo: oidc.userInfo,
  };
}

export function createUserManager(config: PortalConfig, origin: string): UserManager {
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  return new UserManager(userManagerSettings(config, origin, store));
}

/**
 * A sign-in that comes back to `returnTo`. The nonce binds the id_token to this request (OIDC Core
 * 3.1.2.1); oidc-client-ts keeps it with the PKCE verifier and checks the id_token's copy.
 */
export function signInArgs(returnTo: string): SigninRedirectArgs {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const nonce = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return { state: { returnTo }, nonce };
}
