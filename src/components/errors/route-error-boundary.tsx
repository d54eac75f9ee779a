import { Component, type ReactNode } from 'react';
import { RouteErrorPage } from './route-error-page.tsx';

interface Props {
  children: ReactNode;
  /** A new value (the next page's path) clears the error: leaving the failed page recovers. */
  resetKey: string;
}

type State = { failed: false; resetKey: string } | { failed: true; error: unknown; resetKey: string };

/** Shows the route error page in place of a page that failed to load or render. */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: Props, state: State): State | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? <RouteErrorPage error={this.state.error} /> : this.props.children;
  }
}
