/** OpenID Connect discovery (`B/.well-known/openid-configuration`), with ESPI's `resource_endpoint`. */
import type { CustodianContext } from '../context.ts';
import { CUSTOMER_API_SCOPE, STANDARD_SCOPES } from './scopes.ts';

export function discovery(ctx: CustodianContext) {
  const b = ctx.baseUrl;
  const espiScopes = [...new Set([...ctx.clients.values()].flatMap((c) => c.scopes))];
  return {
    issuer: b,
    authorization_endpoint: `${b}/oauth/authorize`,
    token_endpoint: `${b}/oauth/token`,
    revocation_endpoint: `${b}/oauth/revoke`,
    userinfo_endpoint: `${b}/oauth/userinfo`,
    jwks_uri: `${b}/oauth/jwks`,
    end_session_endpoint: `${b}/oauth/logout`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    authorization_response_iss_parameter_supported: true,
    grant_types_supported: ['authorization_code', 'refresh_token', 'password', 'client_credentials'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['ES256'],
    scopes_supported: [...STANDARD_SCOPES, CUSTOMER_API_SCOPE, ...espiScopes],
    claims_supported: ['sub', 'name', 'preferred_username', 'email', 'nonce', 'auth_time'],
    // ESPI: where the resources live (docs/espi.md 1.1).
    resource_endpoint: ctx.espiBase,
  };
}
