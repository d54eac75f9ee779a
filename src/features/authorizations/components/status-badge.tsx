import type { AuthorizationStatus } from '../model/authorization-list.ts';

export const STATUS_LABELS: Record<AuthorizationStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  denied: 'Denied',
};

/** The status as a badge; `confirming` while the custodian has not yet confirmed a revoke. */
export function StatusBadge(props: { status: AuthorizationStatus; confirming?: boolean }) {
  return (
    <span className="status">
      <span className={`badge badge--${props.status}`}>{STATUS_LABELS[props.status]}</span>
      {props.confirming && <span className="muted status__note">confirming with your utility…</span>}
    </span>
  );
}
