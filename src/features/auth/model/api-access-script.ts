/**
 * The ready scripts of the API access page (issue 16): Python (standard library only) and bash with
 * curl and jq. Each run gets a token (the password grant on the first run, the stored refresh token
 * after that, which the custodian rotates), keeps the new refresh token in a file only its owner can
 * read, and fetches a page of the customer's feed. The client secret and the password come from the
 * environment (or a prompt), never from the script's text, so the script can be kept in a repository.
 * When the refresh token is refused (revoked, or its family ended) the script stops and says so: it
 * never falls back to the password on its own.
 */

export interface ScriptTarget {
  tokenEndpoint: string;
  clientId: string;
  username: string;
  /** The feed to read (ESPI resourceURI of the client's subscription). */
  resourceUri: string;
}

/** A Python string literal (JSON's escaping is valid Python). */
const py = (text: string) => JSON.stringify(text);

/** One POSIX shell word: single-quoted, each `'` closed, escaped and reopened. */
const sh = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function pythonScript(target: ScriptTarget): string {
  return `#!/usr/bin/env python3
"""Reads your own Green Button data: a token, refreshed on every run, then a page of your feed.

First run: GB_CLIENT_SECRET=... python3 green_button.py   (asks for the password, or reads GB_PASSWORD)
Later runs (a nightly job): the refresh token kept in GB_TOKEN_FILE is used; no password needed.
"""
import base64, getpass, json, os, sys, urllib.error, urllib.parse, urllib.request

TOKEN_ENDPOINT = ${py(target.tokenEndpoint)}
CLIENT_ID = ${py(target.clientId)}
USERNAME = ${py(target.username)}
FEED = ${py(target.resourceUri)}
TOKEN_FILE = os.environ.get("GB_TOKEN_FILE", "green-button-token.json")


def token_request(form):
    secret = os.environ["GB_CLIENT_SECRET"]
    pair = urllib.parse.quote(CLIENT_ID, safe="") + ":" + urllib.parse.quote(secret, safe="")
    request = urllib.request.Request(
        TOKEN_ENDPOINT,
        data=urllib.parse.urlencode(form).encode(),
        headers={"Authorization": "Basic " + base64.b64encode(pair.encode()).decode()},
    )
    try:
        with urllib.request.urlopen(request) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        body = json.load(error)
        sys.exit(f"token refused: {body.get('error')}: {body.get('error_description')}")


def get_token():
    if os.path.exists(TOKEN_FILE):
        with open(TOKEN_FILE) as file:
            refresh_token = json.load(file)["refresh_token"]
        tokens = token_request({"grant_type": "refresh_token", "refresh_token": refresh_token})
        print("token: refreshed")
    else:
        password = os.environ.get("GB_PASSWORD") or getpass.getpass(f"Password of {USERNAME}: ")
        tokens = token_request({"grant_type": "password", "username": USERNAME, "password": password})
        print("token: password grant")
    # The refresh token changes on every use: keep only the newest, readable by you alone.
    descriptor = os.open(TOKEN_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump({"refresh_token": tokens["refresh_token"]}, file)
    print("scope:", tokens["scope"], "| expires in", tokens["expires_in"], "s")
    return tokens["access_token"]


def read_feed(access_token):
    request = urllib.request.Request(
        FEED + "?max-results=10",
        headers={"Authorization": "Bearer " + access_token, "Accept": "application/atom+xml"},
    )
    try:
        with urllib.request.urlopen(request) as response:
            feed = response.read().decode()
    except urllib.error.HTTPError as error:
        sys.exit(f"feed refused: HTTP {error.code} {error.headers.get('WWW-Authenticate', '')}")
    print("feed:", feed.count("<entry"), "entries")


read_feed(get_token())
`;
}

export function curlScript(target: ScriptTarget): string {
  return `#!/usr/bin/env bash
# Reads your own Green Button data with curl and jq: a token, refreshed on every run, then a page of
# your feed. First run: GB_CLIENT_SECRET=... bash green_button.sh (asks for the password, or reads
# GB_PASSWORD). Later runs (a nightly job) use the refresh token kept in GB_TOKEN_FILE.
set -euo pipefail
TOKEN_ENDPOINT=${sh(target.tokenEndpoint)}
CLIENT_ID=${sh(target.clientId)}
USERNAME=${sh(target.username)}
FEED=${sh(target.resourceUri)}
TOKEN_FILE="\${GB_TOKEN_FILE:-green-button-token.json}"

token_request() { # form fields as curl --data-urlencode arguments; the secret goes in a header only
  local body
  body=$(curl -sS -u "$CLIENT_ID:$GB_CLIENT_SECRET" "$@" "$TOKEN_ENDPOINT")
  if [ "$(jq -r '.access_token // empty' <<<"$body")" = "" ]; then
    echo "token refused: $(jq -r '"\\(.error): \\(.error_description)"' <<<"$body")" >&2
    exit 1
  fi
  printf '%s' "$body"
}

if [ -f "$TOKEN_FILE" ]; then
  TOKENS=$(token_request -d grant_type=refresh_token \\
    --data-urlencode "refresh_token=$(jq -r .refresh_token "$TOKEN_FILE")")
  echo "token: refreshed"
else
  if [ -z "\${GB_PASSWORD:-}" ]; then read -r -s -p "Password of $USERNAME: " GB_PASSWORD; echo; fi
  TOKENS=$(token_request -d grant_type=password --data-urlencode "username=$USERNAME" \\
    --data-urlencode "password=$GB_PASSWORD")
  echo "token: password grant"
fi
# The refresh token changes on every use: keep only the newest, readable by you alone.
(umask 077 && jq '{refresh_token}' <<<"$TOKENS" >"$TOKEN_FILE")
echo "scope: $(jq -r .scope <<<"$TOKENS") | expires in $(jq -r .expires_in <<<"$TOKENS") s"

ACCESS_TOKEN=$(jq -r .access_token <<<"$TOKENS")
STATUS=$(curl -sS -o feed.xml -w '%{http_code}' -H "Authorization: Bearer $ACCESS_TOKEN" \\
  -H 'Accept: application/atom+xml' "$FEED?max-results=10")
if [ "$STATUS" != 200 ]; then echo "feed refused: HTTP $STATUS" >&2; exit 1; fi
echo "feed: $(grep -o '<entry' feed.xml | wc -l | tr -d ' ') entries"
`;
}
