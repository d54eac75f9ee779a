import { durationInWords } from '../../../espi/index.ts';
import type { OwnApiClient } from '../api/api-access-client.ts';
import { curlScript, pythonScript, type ScriptTarget } from '../model/api-access-script.ts';
import { CopyableText } from './copyable-text.tsx';

/** The ready scripts, filled in with this client, and how long what they get lasts. */
export function ApiAccessScripts(props: { client: OwnApiClient; username: string; demo: boolean }) {
  const { client } = props;
  const target: ScriptTarget = {
    tokenEndpoint: client.tokenEndpoint,
    clientId: client.clientId,
    username: props.username,
    resourceUri: client.resourceURI,
  };
  const { lifetimes } = client;
  return (
    <section className="card stack" aria-labelledby="api-scripts-heading">
      <h2 id="api-scripts-heading">Your script</h2>
      <p>
        Run one of these on your own computer or server. The first run asks for your utility password and
        sends it to the utility itself (the OAuth password grant, over HTTPS); the portal never sees it. It
        keeps the refresh token it gets in a file only you can read, and every later run, such as a nightly
        job, uses that instead of the password.
      </p>
      <p>
        Give it the client secret in the environment: <code>GB_CLIENT_SECRET</code> (and, for an unattended
        first run, the password in <code>GB_PASSWORD</code>). The secret is not written into the script, so
        the script can be shared and kept with your code.
      </p>
      <dl className="details">
        <dt>Access token</dt>
        <dd>{durationInWords(lifetimes.accessToken)}: get a new one with the refresh token</dd>
        <dt>Refresh token</dt>
        <dd>
          {durationInWords(lifetimes.refreshToken)} from its last use; it is replaced each time it is used,
          and the old one stops working
        </dd>
        <dt>Password needed again</dt>
        <dd>
          {durationInWords(lifetimes.refreshTokenFamily)} after the first run, or at once if you revoke the
          token
        </dd>
      </dl>
      <CopyableText label="Python script" text={pythonScript(target)} />
      <p className="field__hint">Python 3, standard library only. Save it as green_button.py.</p>
      <CopyableText label="curl script" text={curlScript(target)} />
      <p className="field__hint">bash with curl and jq. Save it as green_button.sh.</p>
      {props.demo && (
        <p className="field__hint">
          In this demo the utility is simulated inside your browser, so a script cannot reach it. The same
          simulated utility runs as a server with <code>npm run custodian</code>: the project&apos;s README
          shows these scripts working against it.
        </p>
      )}
    </section>
  );
}
