import { startSandbox } from '@keel/sandbox';
import { readSandboxEnv } from './sandbox-env';

function log(level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), service: 'sandbox', msg, ...fields });
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

// A reader of stdout that went away (EPIPE) must neither crash nor hold the sandbox.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(readSandboxEnv(process.env));
  for (const [emulator, running] of Object.entries(sandbox.emulators)) {
    log('info', 'emulator listening', { emulator, url: running.url });
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals | 'parent exited'): void => {
    if (stopping) {
      if (signal !== 'parent exited') process.exit(1);
      return;
    }
    stopping = true;
    log('info', 'sandbox stopping', { signal });
    // Emulators may hold timers and keep-alive sockets: exit rather than wait for the loop to empty.
    sandbox.close().then(
      () => {
        log('info', 'sandbox stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log('error', 'sandbox failed to stop cleanly', { error: String(err) });
        process.exit(1);
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
  process.exit(1);
});
