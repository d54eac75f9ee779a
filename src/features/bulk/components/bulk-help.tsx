/**
 * Batch and bulk in plain words (reference 4.5), and how a grant works at this custodian: the same
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
      <h3>How this works</h3>
      <ol>
        <li>You choose a registered aggregator, the meters it may read, which data and for how long.</li>
        <li>
          The utility creates a grant with a <em>bulk id</em>. The aggregator then fetches the data of exactly
          those meters from one address, <code>Batch/Bulk/&#123;bulk id&#125;</code>, with its own
          credentials.
        </li>
        <li>
          You can add meters, remove meters or revoke the whole grant at any time. Each change takes effect at
          once and is kept in the grant’s history.
        </li>
        <li>After revoking, or when the end date passes, the aggregator can no longer fetch anything.</li>
      </ol>
    </details>
  );
}
