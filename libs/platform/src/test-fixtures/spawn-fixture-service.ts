import { spawn } from 'node:child_process';
import type { ChildProcess, StdioOptions } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
export const FIXTURE_MAIN = join(__dirname, 'service-main.fixture.ts');

/** `node` arguments that run a TypeScript main of this repo without a build (ts-node, path aliases). */
export const TS_NODE_ARGS = ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register'];
export const TS_NODE_ENV = {
  TS_NODE_PROJECT: join(ROOT, 'tsconfig.spec.json'),
  TS_NODE_TRANSPILE_ONLY: 'true',
  TS_NODE_COMPILER_OPTIONS: JSON.stringify({ rootDir: '.' }),
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the fixture service in a process of its own; resolves once it answers its liveness probe. */
export async function spawnFixtureService(
  port: number,
  stdio: StdioOptions,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...TS_NODE_ARGS, FIXTURE_MAIN], {
    cwd: ROOT,
    stdio,
    env: {
      ...process.env,
      ...TS_NODE_ENV,
      PORT: String(port),
      HOST: '127.0.0.1',
      SHUTDOWN_DELAY: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  await waitLive(port, child);
  return child;
}

export async function waitLive(port: number, child?: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null))
      throw new Error(`the fixture service exited (${child.exitCode ?? child.signalCode}) before it was live`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the fixture service was not live on ${port} within ${timeoutMs} ms`);
}

/** Resolves with how the process ended, or 'still running' when it has not within `boundMs`. */
export function exitWithin(child: ChildProcess, boundMs: number): Promise<string> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(`exited ${child.exitCode ?? child.signalCode}`);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), boundMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(`exited ${code ?? signal}`);
    });
  });
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
