/**
 * The parameters of a Bearer challenge (RFC 6750 section 3): what a resource server says when it
 * refuses a token, e.g. `Bearer realm="dc", error="invalid_token", error_description="expired"`.
 */
export interface BearerChallenge {
  error?: string;
  error_description?: string;
}

export function parseBearerChallenge(header: string | null): BearerChallenge {
  const match = header && /^\s*Bearer\s+(.*)$/i.exec(header);
  if (!match?.[1]) return {};
  const params: Record<string, string> = {};
  // auth-param = token "=" ( token / quoted-string ), quoted-pairs unescaped (RFC 9110 section 11.2).
  for (const [, name, quoted, token] of match[1].matchAll(
    /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g,
  )) {
    if (name)
      params[name.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (token ?? '');
  }
  return {
    ...(params.error ? { error: params.error } : {}),
    ...(params.error_description ? { error_description: params.error_description } : {}),
  };
}
