import type { NavigateFunction } from 'react-router';

/**
 * Navigation from outside React (the session's callbacks: back from sign-in, signed out in another
 * tab), through the router's own `navigate` once the routes are mounted; a navigation asked for
 * before then waits for it.
 */
export interface AppNavigator {
  navigate(to: string, options?: { replace?: boolean }): void;
  /** Called by the mounted routes with the current `navigate`; returns the detach. */
  attach(navigate: NavigateFunction): () => void;
}

export function createAppNavigator(): AppNavigator {
  let current: NavigateFunction | undefined;
  let pending: Parameters<AppNavigator['navigate']> | undefined;
  return {
    navigate(...args) {
      if (current) void current(...args);
      else pending = args;
    },
    attach(navigate) {
      current = navigate;
      if (pending) void navigate(...pending);
      pending = undefined;
      return () => {
        if (current === navigate) current = undefined;
      };
    },
  };
}
