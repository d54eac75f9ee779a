/**
 * The mock custodian as a resource server for another authorization server (a utility's own IdP):
 * its ESPI and customer APIs accept RFC 9068 JWT access tokens from that issuer, verified with the
 * issuer's published keys, audience and expiry checked. The token's `sub` is the demo account's
 * username (household, business, commercial) and it acts as the portal acting for that customer, under
 * the customer's own-data authorization. Set with CUSTODIAN_ISSUER (and CUSTODIAN_AUDIENCE) on the
 * sandbox server; without them only the custodian's own tokens are accepted.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { PORTAL_CLIENT_ID, findCustomerByUsername } from './directory.ts';
import type { GrantClaims, VerifyResult } from './tokens.ts';
import { type EpochSeconds, millisOf } from '../espi/index.ts';

export interface ExternalIssuerOptions {
  /** The issuer identifier, exactly as in its tokens' `iss` and its discovery document. */
  issuer: string;
  /** The audience (RFC 8707 resource) this custodian's APIs answer to. */
  audience: string;
}

export interface ExternalIssuer {
  issuer: string;
  audience: string;
  /** Verifies an access token of the issuer and maps it to the grant it acts under here. */
  verify(token: string, nowSeconds: EpochSeconds): Promise<VerifyResult<GrantClaims>>;
}

interface AccessTokenClaims extends JWTPayload {
  scope?: string;
  client_id?: string;
}

export function createExternalIssuer(options: ExternalIssuerOptions): ExternalIssuer {
  const issuer = options.issuer.replace(/\/+$/, '');
  // The keys' address comes from discovery, fetched once; jose caches the key set and refetches it
  // when a token names a key it has not seen (key rotation).
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    keys ??= (async () => {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      if (!response.ok) throw new Error(`discovery of ${issuer} answered ${response.status}`);
      const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
      if (typeof jwksUri !== 'string') throw new Error(`discovery of ${issuer} names no jwks_uri`);
      return createRemoteJWKSet(new URL(jwksUri));
    })().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };

  return {
    issuer,
    audience: options.audience,
    async verify(token, nowSeconds) {
      let claims: AccessTokenClaims;
      try {
        ({ payload: claims } = await jwtVerify<AccessTokenClaims>(token, await keySet(), {
          issuer: options.issuer,
          audience: options.audience,
          typ: 'at+jwt',
          requiredClaims: ['sub', 'exp', 'jti'],
          currentDate: new Date(millisOf(nowSeconds)),
        }));
      } catch (error) {
        const code = (error as { code?: string }).code;
        return { ok: false, reason: code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
      }
      const customer = findCustomerByUsername(claims.sub ?? '');
      if (!customer) return { ok: false, reason: 'invalid' };
      return {
        ok: true,
        claims: {
          sub: customer.id,
          client_id: PORTAL_CLIENT_ID,
          scope: claims.scope ?? '',
          aid: `own-${customer.id}`,
          fid: `${issuer}#${claims.jti}`,
          jti: claims.jti ?? '',
          exp: claims.exp ?? 0,
        },
      };
    },
  };
}
