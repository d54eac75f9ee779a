/**
 * Wraps an async function so that concurrent callers share one in-flight call instead of starting
 * another; the next call after it settles starts afresh.
 */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    inFlight ??= run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
