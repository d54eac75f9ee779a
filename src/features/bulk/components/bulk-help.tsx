/**
 * Batch and bulk in plain words (docs/espi.md 4.5), and how a grant works at this custodian: the same
 * model docs/openapi.yaml documents (a grant, its bulk id, Batch/Bulk/{bulkId}, changes kept).
 */
export function BulkHelp(props: { open?: boolean }) {
  return (
    <details className="bulk-help card" open={props.open}>
      <summary>What is bulk access, and how does it work?</summary>
      <p>
        <strong>Batch</strong> means many pieces of data under one customer’s permission: an app you connected
        fetches all your meters’ readings in one go.
      </p>
      <p>
        <strong>Bulk</strong> means one energy service company or aggregator reaching many meters, or many
        customers, under one grant. It is meant for organisations with many sites: instead of connecting an
        app meter by meter, you give one aggregator access to the meters you choose.
      </p>
      <p>
        <strong>How this works</strong>
      </p>
      <ol>
        <li>You choose a registered aggregator, the meters it may read, which data and for how long.</li>
        <li>
          The utility creates a grant with a <em>bulk id</em>, all or nothing: if any chosen meter cannot be
          shared, nothing is created and the portal names the meter.
        </li>
        <li>
          The aggregator fetches the data of exactly those meters from one address,{' '}
          <code>Batch/Bulk/&#123;bulk id&#125;</code>, with its own credentials. It never sees your other
          meters.
        </li>
        <li>
          You can add or remove meters at any time; meters that cannot be changed are named, the rest are
          changed. Revoking stops everything at once. Every change is kept in the grant’s history.
        </li>
        <li>After revoking, or when the end date passes, the aggregator can no longer fetch anything.</li>
        <li>
          If your connection drops while you grant access, the portal asks the utility what happened: a grant
          is never created twice.
        </li>
      </ol>
    </details>
  );
}
