/**
 * Every credential the mock hands out is a signed JWT (ES256): access and refresh tokens,
 * authorization codes, the sign-in "interaction" of the authorize page, and the OIDC id_token.
 * The mock therefore keeps no token anywhere (a page reload in the demo loses nothing); it keeps
 * only which jtis were used or revoked (state.ts). The JWT `typ` header keeps the kinds apart, so
 * an id_token or a code can never pass as an access token.
 */
import { SignJWT, exportJWK, importJWK, jwtVerify, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/**
 * The sandbox's published signing key. A mock custodian has nothing to protect, and a fixed key lets
 * tokens issued before a page reload or a server restart still verify. Never reuse it elsewhere.
 */
const SANDBOX_SIGNING_KEY: JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: '81_7H7rWMUJyY1quY8gpkVxstG_oSQv_t891MjZ1uYs',
  y: '5ah8IvrRpqEGG_6ukD03G0rCIDU2cZkBZNovTOGNCsY',
  d: 'Ho32IKyzMw4oqS9dDmWSlwR2Ibc44_3B0f2JUXXoUfg',
};
const KEY_ID = 'sandbox-es256-1';

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

let keys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK }> | undefined;

function signingKeys() {
  keys ??= (async () => {
    const privateKey = (await importJWK(SANDBOX_SIGNING_KEY, 'ES256')) as CryptoKey;
    const { d: _private, ...publicPart } = SANDBOX_SIGNING_KEY;
    const publicKey = (await importJWK(publicPart, 'ES256')) as CryptoKey;
    return { privateKey, publicKey, publicJwk: await exportJWK(publicKey) };
  })();
  return keys;
}

export async function jwks(): Promise<{ keys: JWK[] }> {
  const { publicJwk } = await signingKeys();
  return { keys: [{ ...publicJwk, kid: KEY_ID, alg: 'ES256', use: 'sig' }] };
}

export async function signToken(
  kind: TokenKind,
  claims: JWTPayload,
  options: { issuer: string; audience: string; nowSeconds: number; lifetime: number },
): Promise<string> {
  const { privateKey } = await signingKeys();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: KEY_ID, typ: TOKEN_TYPES[kind] })
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
  options: { issuer: string; nowSeconds: number },
): Promise<VerifyResult<T>> {
  const { publicKey } = await signingKeys();
  try {
    const audience = audienceOf(kind, options.issuer);
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: options.issuer,
      ...(audience ? { audience } : {}),
      typ: TOKEN_TYPES[kind],
      algorithms: ['ES256'],
      currentDate: new Date(options.nowSeconds * 1000),
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
