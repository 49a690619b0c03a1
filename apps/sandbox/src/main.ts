import { write } from 'node:fs';
import { startSandbox } from '@keel/sandbox';
import { readSandboxEnv } from './sandbox.config';

/** Lines go out one after another, asynchronously: a stdout nobody reads never blocks the sandbox. */
let written: Promise<void> = Promise.resolve();

function log(level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), service: 'sandbox', msg, ...fields });
  // A full (EAGAIN) or closed (EPIPE) pipe loses the line, never the process.
  written = written.then(
    () => new Promise((resolve) => write(level === 'error' ? 2 : 1, `${line}\n`, () => resolve())),
  );
}

/** Exits once the last lines are out, or after a second if stdout is stuck. */
function exit(code: number): void {
  void Promise.race([written, new Promise((resolve) => setTimeout(resolve, 1000).unref())]).then(() =>
    process.exit(code),
  );
}

// A reader of stdout that went away (EPIPE) must neither crash nor hold the sandbox.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(readSandboxEnv());
  for (const [emulator, running] of Object.entries(sandbox.emulators)) {
    log('info', 'emulator listening', { emulator, url: running.url });
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals | 'parent exited'): void => {
    if (stopping) {
      if (signal !== 'parent exited') exit(1);
      return;
    }
    stopping = true;
    log('info', 'sandbox stopping', { signal });
    // Emulators may hold timers and keep-alive sockets: exit rather than wait for the loop to empty.
    sandbox.close().then(
      () => {
        log('info', 'sandbox stopped');
        exit(0);
      },
      (err: unknown) => {
        log('error', 'sandbox failed to stop cleanly', { error: String(err) });
        exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Spawned by `npm start` with an IPC channel: when that process dies, so do we.
  if (typeof process.send === 'function') {
    process.once('disconnect', () => stop('parent exited'));
    process.channel?.unref();
  }
}

main().catch((err: unknown) => {
  log('error', 'sandbox failed to start', { error: err instanceof Error ? err.message : String(err) });
  exit(1);
});
