/**
 * The two newer statics msw (the demo's mock custodian) calls, for the supported browsers that lack
 * them: `Promise.withResolvers` (Safari/iOS 17.4, Chrome 119, Firefox 121) and `URL.canParse` (Safari/iOS
 * 17, Chrome 120). Installed only where missing, before msw runs; the portal itself needs neither.
 */
interface WithResolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

// The project's TypeScript library is ES2023, which does not declare it yet.
const promiseStatics = Promise as PromiseConstructor & { withResolvers?: <T>() => WithResolvers<T> };

if (typeof promiseStatics.withResolvers !== 'function') {
  promiseStatics.withResolvers = function withResolvers<T>(): WithResolvers<T> {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

if (typeof URL.canParse !== 'function') {
  URL.canParse = function canParse(url: string | URL, base?: string | URL): boolean {
    try {
      new URL(url, base);
      return true;
    } catch {
      return false;
    }
  };
}
