/**
 * Every credential the mock hands out is a signed JWT (ES256): access and refresh tokens,
 * authorization codes, the sign-in "interaction" of the authorize page, and the OIDC id_token.
 * The mock therefore keeps no token anywhere (a page reload in the demo loses nothing); it keeps
 * only which jtis were used or revoked (state.ts). The JWT `typ` header keeps the kinds apart, so
 * an id_token or a code can never pass as an access token.
 */
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { KeyStore } from './state.ts';
import { type EpochSeconds, millisOf } from '../espi/index.ts';

export const TOKEN_TYPES = {
  access: 'at+jwt',
  refresh: 'rt+jwt',
  code: 'code+jwt',
  interaction: 'interaction+jwt',
  idToken: 'JWT',
} as const;
export type TokenKind = keyof typeof TOKEN_TYPES;

/** Claims of access and refresh tokens and codes. */
export interface GrantClaims extends JWTPayload {
  sub: string;
  client_id: string;
  scope: string;
  /** The authorization this token acts under (ESPI Authorization id). */
  aid: string;
  /** Refresh-token family: every token descending from one grant shares it (rotation, reuse detection). */
  fid: string;
  /** When the person signed in: every id_token of the family repeats it (OIDC Core 12.2). */
  auth_time?: number;
  jti: string;
  exp: number;
}

export interface CodeClaims extends GrantClaims {
  redirect_uri: string;
  code_challenge: string;
  nonce?: string;
  /** Issue a refresh token with this code's tokens. */
  offline: boolean;
}

interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** Each custodian's key, by its issuer: several custodians (tests, hosts) can live in one process. */
const keysByIssuer = new Map<string, Promise<SigningKeys>>();

/**
 * Makes `issuer` sign with the key its host keeps, generating (and saving) one on the first start:
 * no key is shared between installations, and none is in the repository or a bundle.
 */
export function keepSigningKey(issuer: string, store: KeyStore): void {
  keysByIssuer.set(
    issuer,
    (async () => {
      let jwk = store.load();
      if (!jwk) {
        const { privateKey } = await generateKeyPair('ES256', { extractable: true });
        jwk = { ...(await exportJWK(privateKey)), kid: randomId() };
        store.save(jwk);
      }
      const { d: _private, ...publicPart } = jwk;
      const publicKey = (await importJWK(publicPart, 'ES256')) as CryptoKey;
      return {
        kid: jwk.kid ?? 'sandbox-es256',
        privateKey: (await importJWK(jwk, 'ES256')) as CryptoKey,
        publicKey,
        publicJwk: await exportJWK(publicKey),
      };
    })(),
  );
}

function signingKeys(issuer: string): Promise<SigningKeys> {
  const keys = keysByIssuer.get(issuer);
  if (!keys) throw new Error(`No signing key for the issuer ${issuer}: call keepSigningKey first.`);
  return keys;
}

export async function jwks(issuer: string): Promise<{ keys: JWK[] }> {
  const { publicJwk, kid } = await signingKeys(issuer);
  return { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };
}

export async function signToken(
  kind: TokenKind,
  claims: JWTPayload,
  options: { issuer: string; audience: string; nowSeconds: EpochSeconds; lifetime: number },
): Promise<string> {
  const { privateKey, kid } = await signingKeys(options.issuer);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid, typ: TOKEN_TYPES[kind] })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(options.nowSeconds)
    .setExpirationTime(options.nowSeconds + options.lifetime)
    .sign(privateKey);
}

/** Where the ESPI resources live under the issuer; access tokens are issued for them. */
export const ESPI_RESOURCE_PATH = '/espi/1_1/resource';

/**
 * The audience every credential of a kind carries: access tokens name the resource server, the
 * custodian's own credentials (refresh tokens, codes, interactions) name the issuer. An id_token's
 * audience is its client, which the caller checks.
 */
function audienceOf(kind: TokenKind, issuer: string): string | undefined {
  if (kind === 'idToken') return undefined;
  return kind === 'access' ? `${issuer}${ESPI_RESOURCE_PATH}` : issuer;
}

export type VerifyResult<T> = { ok: true; claims: T } | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyToken<T extends JWTPayload>(
  kind: TokenKind,
  token: string,
  options: { issuer: string; nowSeconds: EpochSeconds },
): Promise<VerifyResult<T>> {
  const { publicKey } = await signingKeys(options.issuer);
  try {
    const audience = audienceOf(kind, options.issuer);
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: options.issuer,
      ...(audience ? { audience } : {}),
      typ: TOKEN_TYPES[kind],
      algorithms: ['ES256'],
      currentDate: new Date(millisOf(options.nowSeconds)),
    });
    return { ok: true, claims: payload as T };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, reason: code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
  }
}

/** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomId(): string {
  return crypto.randomUUID();
}
