import type { ReactNode } from 'react';
import { describeError } from '../../lib/api-error.ts';
import { Button } from './button.tsx';

/** An error a person can act on: what happened, and a retry where one makes sense. */
export function ErrorState(props: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="alert alert--error" role="alert">
      <h2>{props.title}</h2>
      <p>{describeError(props.error)}</p>
      {props.children}
      {props.onRetry && (
        <Button variant="secondary" onClick={props.onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
