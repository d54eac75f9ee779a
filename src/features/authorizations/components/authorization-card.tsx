import { Link } from 'react-router';
import { describeScope } from '../../../espi/index.ts';
import type { Authorization, UsagePoint } from '../api/authorization-schema.ts';
import { endingOf, formatDate, isoDate, periodInWords } from '../model/authorization-dates.ts';
import { safeExternalUrl } from '../../../lib/external-url.ts';
import { AppLogo } from '../../../components/ui/app-logo.tsx';
import { EndsSoonBadge } from './ends-soon.tsx';
import { LastAccessed } from './last-accessed.tsx';
import { StatusBadge } from './status-badge.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';

/** One authorization in the list: who, what it may read, for which meters, and until when. */
export function AuthorizationCard(props: {
  authorization: Authorization;
  usagePoints: ReadonlyMap<string, UsagePoint>;
  confirming: boolean;
  onRevoke: (authorization: Authorization) => void;
}) {
  const { authorization: a } = props;
  const { thirdParty: app } = a;
  const website = safeExternalUrl(app.clientUri);
  const ending = endingOf(a);
  const granted = a.status !== 'denied';
  return (
    <li className="card auth-card">
      <div className="auth-card__head">
        <AppLogo name={app.name} logoUri={app.logoUri} />
        <div className="auth-card__title">
          <h3>
            <Link to={`/authorizations/${encodeURIComponent(a.id)}`}>{app.name}</Link>
          </h3>
          <StatusBadge status={a.status} confirming={props.confirming} />
          <EndsSoonBadge authorization={a} />
        </div>
      </div>
      <p>{granted ? describeScope(a.scope).summary : 'You declined this request: nothing was shared.'}</p>
      <dl className="details">
        {granted && (
          <>
            <dt>Meters</dt>
            <dd>
              {a.usagePointIds.length > 0
                ? a.usagePointIds.map((id) => props.usagePoints.get(id)?.title ?? `Meter ${id}`).join(', ')
                : 'None'}
            </dd>
            <dt>Access period</dt>
            <dd>{periodInWords(a.authorizedPeriod)}</dd>
            <dt>Data it may read</dt>
            <dd>{periodInWords(a.publishedPeriod)}</dd>
            <LastAccessed at={a.lastAccessedAt} />
          </>
        )}
        <dt>{ending.label}</dt>
        <dd>
          {ending.at === undefined ? (
            'Only when you revoke it'
          ) : (
            <time dateTime={isoDate(ending.at)}>{formatDate(ending.at)}</time>
          )}
        </dd>
        {website && (
          <>
            <dt>Website</dt>
            <dd className="break-anywhere">
              <a href={website} rel="noreferrer">
                {new URL(website).host}
              </a>
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <ButtonLink variant="secondary" small to={`/authorizations/${encodeURIComponent(a.id)}`}>
          Details<span className="visually-hidden"> of {app.name}</span>
        </ButtonLink>
        {a.status === 'active' && (
          <Button variant="danger" small onClick={() => props.onRevoke(a)}>
            Revoke access<span className="visually-hidden"> for {app.name}</span>
          </Button>
        )}
      </div>
    </li>
  );
}
