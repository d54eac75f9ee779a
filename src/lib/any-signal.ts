/**
 * `AbortSignal.any`, which the supported Safari/iOS 16.4 to 17.3 (and Chrome before 116, Firefox before
 * 124) lack: a signal that aborts, with the same reason, as soon as any of `signals` does.
 */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    // Listening with the combined signal drops every listener once it has aborted.
    signal.addEventListener('abort', () => controller.abort(signal.reason), { signal: controller.signal });
  }
  return controller.signal;
}
