import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { serviceLabel } from '../../../espi/index.ts';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useAuthorizationDetail, useUsagePointIndex } from '../api/authorization-queries.ts';
import type { Authorization, UsagePoint } from '../api/authorization-schema.ts';
import {
  endingOf,
  formatDate,
  formatDateTime,
  isoDate,
  periodInWords,
} from '../model/authorization-dates.ts';
import { contactHref, safeExternalUrl } from '../../../lib/external-url.ts';
import { AccessLog } from '../components/access-log.tsx';
import { AppLogo } from '../../../components/ui/app-logo.tsx';
import { RevokeDialog } from '../components/revoke-dialog.tsx';
import { RevokeOutcome } from '../components/revoke-outcome.tsx';
import { ScopeInWords } from '../../../components/scope-in-words.tsx';
import { ScopeTerms } from '../components/scope-terms.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useRevokeFlow } from '../hooks/use-revoke-flow.ts';
import { useChangeAuthorization } from '../api/change-authorization.ts';
import { AuthorizationHistory } from '../components/authorization-history.tsx';
import { ChangeAccess } from '../components/change-access.tsx';
import { ChangeOutcome } from '../components/change-outcome.tsx';
import { EndsSoonBadge } from '../components/ends-soon.tsx';
import { Renewal } from '../components/renewal.tsx';
import '../components/authorizations.css';
import { Button } from '../../../components/ui/button.tsx';

export function Component() {
  const { authorizationId = '' } = useParams();
  const detail = useAuthorizationDetail(authorizationId);
  const revoke = useRevokeFlow();
  const change = useChangeAuthorization();
  const back = (
    <p>
      <Link to="/authorizations">← All connected apps</Link>
    </p>
  );
  if (!detail.data) {
    if (detail.isError) {
      const missing = detail.error instanceof ApiError && detail.error.kind === 'not-found';
      return (
        <>
          <PageTitle>Connected app</PageTitle>
          {back}
          <h1>Connected app</h1>
          <ErrorState
            title={
              missing ? 'This connected app could not be found' : 'This connected app could not be loaded'
            }
            error={detail.error}
            onRetry={missing ? undefined : () => void detail.refetch()}
          />
        </>
      );
    }
    return (
      <>
        <PageTitle>Connected app</PageTitle>
        {back}
        <LoadingState label="Loading the connected app" />
      </>
    );
  }
  const a = detail.data;
  return (
    <>
      <PageTitle>{`${a.thirdParty.name}: connected app`}</PageTitle>
      {back}
      <div className="auth-card__head">
        <AppLogo name={a.thirdParty.name} logoUri={a.thirdParty.logoUri} large />
        <div className="auth-card__title">
          <h1>{a.thirdParty.name}</h1>
          <StatusBadge status={a.status} confirming={revoke.isConfirming(a.id)} />
          <EndsSoonBadge authorization={a} />
        </div>
      </div>
      {a.thirdParty.description && <p className="break-anywhere">{a.thirdParty.description}</p>}
      <RevokeOutcome mutation={revoke.mutation} />
      <ChangeOutcome mutation={change} />
      {a.status === 'active' && (
        <>
          <Renewal authorization={a} mutation={change} />
          <p>
            <Button variant="danger" onClick={() => revoke.ask(a)}>
              Revoke access
            </Button>
          </p>
          <ChangeAccess authorization={a} mutation={change} />
        </>
      )}
      <div className="stack">
        <Section title="What it may read">
          {a.status === 'denied' ? (
            <p>You declined this request, so nothing was shared. It asked for:</p>
          ) : null}
          <ScopeInWords scope={a.scope} accessEnded={accessEndedText(a)} />
        </Section>
        <Section title="When">
          <Periods authorization={a} />
        </Section>
        <Section title="Meters shared">
          <UsagePoints authorization={a} />
        </Section>
        {a.status !== 'denied' && (
          <Section title="Changes you made">
            <AuthorizationHistory history={a.history} />
          </Section>
        )}
        {a.status !== 'denied' && (
          <Section title="Access log">
            <AccessLog authorization={a} />
          </Section>
        )}
        <Section title="About the app">
          <AboutApp authorization={a} />
        </Section>
        <Section title="Scope, term by term">
          <ScopeTerms scope={a.scope} />
        </Section>
        <Section title="For integrators">
          <Integrators authorization={a} />
        </Section>
      </div>
      <RevokeDialog {...revoke.dialog} />
    </>
  );
}

/** How a revoked or expired authorization's access ended, in words; undefined while it runs (or was declined). */
function accessEndedText(a: Authorization): string | undefined {
  if (a.status !== 'revoked' && a.status !== 'expired') return undefined;
  const ending = endingOf(a);
  const how = a.status === 'revoked' ? 'you revoked it' : 'its term ran out';
  return `Ended ${ending.at === undefined ? '' : `on ${formatDate(ending.at)} `}(${how}): the app receives no new data.`;
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <section className="card" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

function Time(props: { at: number }) {
  return <time dateTime={isoDate(props.at)}>{formatDateTime(props.at)}</time>;
}

function Periods({ authorization: a }: { authorization: Authorization }) {
  const ending = endingOf(a);
  return (
    <dl className="details">
      {a.status !== 'denied' && (
        <>
          <dt>Access period</dt>
          <dd>{periodInWords(a.authorizedPeriod)}</dd>
          <dt>Data it may read</dt>
          <dd>{periodInWords(a.publishedPeriod)}</dd>
        </>
      )}
      <dt>{ending.label}</dt>
      <dd>{ending.at === undefined ? 'Only when you revoke it' : <Time at={ending.at} />}</dd>
      <dt>Created</dt>
      <dd>
        <Time at={a.createdAt} />
      </dd>
      <dt>Last changed</dt>
      <dd>
        <Time at={a.updatedAt} />
      </dd>
    </dl>
  );
}

function unnamedMeter(id: string): UsagePoint {
  return { id, title: `Meter ${id}`, meterId: undefined, address: undefined };
}

function UsagePoints({ authorization: a }: { authorization: Authorization }) {
  const index = useUsagePointIndex();
  if (a.usagePointIds.length === 0) {
    return <p>No meter is shared{a.status === 'denied' ? ': you declined the request' : ''}.</p>;
  }
  return (
    <ul>
      {a.usagePointIds
        .map((id) => index.get(id) ?? unnamedMeter(id))
        .map((up) => (
          <li key={up.id}>
            <strong>{up.title}</strong>
            {[
              up.serviceKind === undefined ? undefined : serviceLabel(up.serviceKind),
              up.meterId && `meter ${up.meterId}`,
              up.address,
            ]
              .filter(Boolean)
              .map((part) => `, ${part}`)
              .join('')}
          </li>
        ))}
    </ul>
  );
}

function ExternalLink(props: { href: string | undefined; children: ReactNode }) {
  if (!props.href) return null;
  return (
    <a href={props.href} rel="noreferrer" className="break-anywhere">
      {props.children}
    </a>
  );
}

function AboutApp({ authorization: a }: { authorization: Authorization }) {
  const app = a.thirdParty;
  const website = safeExternalUrl(app.clientUri);
  const terms = safeExternalUrl(app.tosUri);
  const privacy = safeExternalUrl(app.policyUri);
  return (
    <dl className="details">
      <dt>Website</dt>
      <dd>{website ? <ExternalLink href={website}>{website}</ExternalLink> : 'Not given'}</dd>
      <dt>Terms of service</dt>
      <dd>{terms ? <ExternalLink href={terms}>Terms of {app.name}</ExternalLink> : 'Not given'}</dd>
      <dt>Privacy policy</dt>
      <dd>
        {privacy ? <ExternalLink href={privacy}>Privacy policy of {app.name}</ExternalLink> : 'Not given'}
      </dd>
      <dt>Contacts</dt>
      <dd>
        {app.contacts.length === 0
          ? 'Not given'
          : app.contacts.map((contact, i) => (
              <span key={contact}>
                {i > 0 && ', '}
                {contactHref(contact) ? (
                  <ExternalLink href={contactHref(contact)}>{contact}</ExternalLink>
                ) : (
                  contact
                )}
              </span>
            ))}
      </dd>
    </dl>
  );
}

function Integrators({ authorization: a }: { authorization: Authorization }) {
  return (
    <dl className="details">
      <dt>Authorization id</dt>
      <dd className="break-anywhere">
        <code>{a.id}</code>
      </dd>
      <dt>Client id</dt>
      <dd className="break-anywhere">
        <code>{a.thirdParty.clientId}</code>
      </dd>
      <dt>Scope</dt>
      <dd className="break-anywhere">
        <code>{a.scope}</code>
      </dd>
      {a.resourceURI && (
        <>
          <dt>resourceURI</dt>
          <dd className="break-anywhere">
            <code>{a.resourceURI}</code>
          </dd>
        </>
      )}
      {a.authorizationURI && (
        <>
          <dt>authorizationURI</dt>
          <dd className="break-anywhere">
            <code>{a.authorizationURI}</code>
          </dd>
        </>
      )}
    </dl>
  );
}
