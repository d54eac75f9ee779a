import { useId } from 'react';
import {
  AUTHORIZATION_STATUSES,
  type AuthorizationStatus,
  type ListQuery,
} from '../model/authorization-list.ts';
import { STATUS_LABELS } from './status-badge.tsx';

/** Search by app name and filter by status; the page keeps both in the URL. */
export function ListControls(props: {
  query: ListQuery;
  counts: Record<AuthorizationStatus, number>;
  total: number;
  onChange: (next: Pick<ListQuery, 'search' | 'status'>) => void;
}) {
  const searchId = useId();
  const statusId = useId();
  const { query } = props;
  return (
    <search className="auth-toolbar">
      <div className="field">
        <label htmlFor={searchId}>Search by app name</label>
        <input
          id={searchId}
          type="search"
          value={query.search}
          autoComplete="off"
          onChange={(event) => props.onChange({ search: event.target.value, status: query.status })}
        />
      </div>
      <div className="field field--narrow">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={query.status}
          onChange={(event) =>
            props.onChange({ search: query.search, status: event.target.value as ListQuery['status'] })
          }
        >
          <option value="all">All ({props.total})</option>
          {AUTHORIZATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]} ({props.counts[status]})
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}
