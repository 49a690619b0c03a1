import { startSandbox } from '@keel/sandbox';
import { readSandboxEnv } from './sandbox-env';

function log(level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), service: 'sandbox', msg, ...fields });
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(readSandboxEnv(process.env));
  for (const [emulator, running] of Object.entries(sandbox.emulators)) {
    log('info', 'emulator listening', { emulator, url: running.url });
  }
  const stop = (signal: NodeJS.Signals): void => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    log('info', 'sandbox stopping', { signal });
    sandbox.close().then(
      () => log('info', 'sandbox stopped'),
      (err: unknown) => {
        log('error', 'sandbox failed to stop cleanly', { error: String(err) });
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  log('error', 'sandbox failed to start', { error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
