/** A polite, announced loading indicator. `progress` (0..1) shows a bar for long loads. */
export function LoadingState(props: { label: string; progress?: number }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      {props.progress === undefined ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <progress value={props.progress} max={1} aria-label={props.label} />
      )}
      <span>
        {props.label}
        {props.progress !== undefined && ` (${Math.round(props.progress * 100)}%)`}
      </span>
    </div>
  );
}
