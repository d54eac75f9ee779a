import { Link } from 'react-router';
import { useAuthorizationList } from '../api/authorization-queries.ts';
import type { Authorization } from '../../../lib/authorizations.ts';
import { useNowSeconds } from '../hooks/use-now-seconds.ts';
import { daysUntilEnd, endsInWords, endsSoon } from '../model/expiry.ts';

/** "Ends in 12 days" beside an active authorization whose term ends within a month; nothing otherwise. */
export function EndsSoonBadge({ authorization }: { authorization: Authorization }) {
  const now = useNowSeconds();
  const days = daysUntilEnd(authorization, now);
  if (days === undefined || !endsSoon(authorization, now)) return null;
  return <span className="badge badge--ending">{endsInWords(days)}</span>;
}

/**
 * The home page's reminder: each connected app whose access ends within a month, with a link to renew
 * it. Silent while loading or when the list cannot be read (the Connected apps page says why).
 */
export function EndingSoonNotice() {
  const { data } = useAuthorizationList();
  const now = useNowSeconds();
  const ending = (data ?? []).filter((a) => endsSoon(a, now));
  if (ending.length === 0) return null;
  return (
    <section className="alert alert--warning" aria-labelledby="ending-soon">
      <h2 id="ending-soon">Access ending soon</h2>
      <ul>
        {ending.map((a) => (
          <li key={a.id}>
            <strong>{a.thirdParty.name}</strong>: {endsInWords(daysUntilEnd(a, now) ?? 0).toLowerCase()}.{' '}
            <Link to={`/authorizations/${encodeURIComponent(a.id)}`}>
              Renew or review<span className="visually-hidden"> {a.thirdParty.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
