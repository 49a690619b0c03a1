/**
 * What keeps a service process from outliving its purpose, whatever happens around it:
 * - a stdout/stderr whose reader went away (EPIPE) is ignored instead of crashing or hanging;
 * - a parent that spawned us with an IPC channel (`npm start`) and died (SIGKILL, a closed
 *   terminal) ends us too, through `onParentGone`, instead of leaving an orphan under PID 1.
 */
export function guardStdio(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listeners('error').includes(ignoreBrokenPipe)) continue;
    stream.on('error', ignoreBrokenPipe);
  }
}

function ignoreBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') return;
  // Anything else is a real fault: let it surface as an uncaught error, as without a listener.
  process.nextTick(() => {
    throw error;
  });
}

/**
 * Calls `onParentGone` when the parent's IPC channel closes (only when there is one: a service run
 * by hand or by Kubernetes has none). The channel itself must not keep the process alive.
 */
export function watchParent(onParentGone: () => void): void {
  if (typeof process.send !== 'function' || !process.connected) return;
  process.once('disconnect', onParentGone);
  process.channel?.unref();
}
