import { Link } from 'react-router';
import { AppLogo } from '../../../components/ui/app-logo.tsx';
import { ButtonLink } from '../../../components/ui/button.tsx';
import { ScopeInWords } from '../../../components/scope-in-words.tsx';
import { describeScope } from '../../../espi/index.ts';
import type { DirectoryEntry } from '../model/directory-entry.ts';

/**
 * One registered app: who it is (all text from its registration, rendered as text), what it asks for
 * in plain words, its terms and privacy policy (in a new tab, without the portal as referrer), whether
 * the customer already connected it, and "Connect", which leaves for the app's scope-selection screen.
 */
export function DirectoryCard(props: { entry: DirectoryEntry; authorizationId: string | undefined }) {
  const { entry, authorizationId } = props;
  const headingId = `app-${entry.clientId}`;
  return (
    <article className="card directory-card" aria-labelledby={headingId}>
      <div className="directory-card__head">
        <AppLogo name={entry.name} logoUri={entry.logoUri} />
        <div className="directory-card__title">
          <h2 id={headingId}>{entry.name}</h2>
          {authorizationId && (
            <p className="directory-card__connected">
              <span className="badge badge--active">Connected</span>{' '}
              <Link to={`/authorizations/${encodeURIComponent(authorizationId)}`}>
                See its access<span className="visually-hidden"> ({entry.name})</span>
              </Link>
            </p>
          )}
        </div>
      </div>
      {entry.description && <p>{entry.description}</p>}
      <AsksFor entry={entry} />
      <ul className="directory-card__links">
        <OutLink href={entry.websiteUri}>Website</OutLink>
        <OutLink href={entry.tosUri}>Terms of use</OutLink>
        <OutLink href={entry.policyUri}>Privacy policy</OutLink>
      </ul>
      <Connect entry={entry} />
    </article>
  );
}

function AsksFor({ entry }: { entry: DirectoryEntry }) {
  if (entry.bulkOnly) {
    return (
      <p>
        It reads many meters at once: give it access on the <Link to="/bulk">Bulk access</Link> page.
      </p>
    );
  }
  const [only] = entry.scopes;
  if (entry.scopes.length === 1 && only) {
    return (
      <>
        <h3>What it asks for</h3>
        <ScopeInWords scope={only} />
      </>
    );
  }
  return (
    <>
      <h3>What it asks for: one of {entry.scopes.length} choices, picked at the app</h3>
      {entry.scopes.map((scope) => (
        <details key={scope} className="directory-card__choice">
          <summary>{describeScope(scope).summary}</summary>
          <ScopeInWords scope={scope} />
        </details>
      ))}
    </>
  );
}

function OutLink(props: { href: string | undefined; children: string }) {
  if (!props.href) return null;
  return (
    <li>
      <a href={props.href} target="_blank" rel="noopener noreferrer">
        {props.children}
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </li>
  );
}

/** One label whether or not it is connected: the badge above says that, and the link never changes under a tap. */
function Connect(props: { entry: DirectoryEntry }) {
  const { entry } = props;
  if (entry.bulkOnly) return null;
  if (!entry.connectUrl) {
    return <p className="muted">Connect from the app’s own website: it has no page to start from here.</p>;
  }
  return (
    <p>
      {/* A document navigation: the app's page is another site, not a route of the portal. */}
      <ButtonLink to={entry.connectUrl} reloadDocument>
        Connect
        <span className="visually-hidden"> {entry.name}</span>
      </ButtonLink>
    </p>
  );
}
