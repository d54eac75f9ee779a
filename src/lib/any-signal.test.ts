import { afterEach, describe, expect, it } from 'vitest';
import { anySignal } from './any-signal.ts';

describe('anySignal without AbortSignal.any (Safari/iOS 16.4 to 17.3)', () => {
  const native = AbortSignal.any;
  afterEach(() => {
    AbortSignal.any = native;
  });
  function withoutNative() {
    // @ts-expect-error: removed as the older browsers lack it
    delete AbortSignal.any;
    expect(AbortSignal.any).toBeUndefined();
  }

  it('aborts with the reason of whichever signal aborts first', () => {
    withoutNative();
    const caller = new AbortController();
    const timeout = new AbortController();
    const combined = anySignal([caller.signal, timeout.signal]);
    expect(combined.aborted).toBe(false);
    timeout.abort(new DOMException('too slow', 'TimeoutError'));
    expect(combined.aborted).toBe(true);
    expect((combined.reason as DOMException).name).toBe('TimeoutError');
    caller.abort('later');
    expect((combined.reason as DOMException).name).toBe('TimeoutError');
  });

  it('is aborted at once when a signal already is', () => {
    withoutNative();
    const combined = anySignal([AbortSignal.abort('gone'), new AbortController().signal]);
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('gone');
  });

  it('stops a fetch-like wait when the caller aborts', async () => {
    withoutNative();
    const caller = new AbortController();
    const combined = anySignal([caller.signal, AbortSignal.timeout(60_000)]);
    const waiting = new Promise((_, reject) =>
      combined.addEventListener('abort', () => reject(combined.reason)),
    );
    caller.abort(new DOMException('left the page', 'AbortError'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
