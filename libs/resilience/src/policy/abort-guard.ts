/**
 * Settles with `onAbort()`'s error as soon as `signal` aborts, whatever `work` is waiting on.
 * cockatiel 3.2.1's retry sleep and bulkhead queue ignore the signal; racing the whole pipeline
 * against it ends those waits for the caller. The work left behind sees the aborted signal at its
 * next step and stops without calling the downstream.
 */
export function guardWithSignal<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => Error): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(onAbort());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** Sleeps `ms`, ending early (rejecting) when `signal` aborts. */
export function abortableDelay(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal.addEventListener('abort', abort, { once: true });
  });
}
