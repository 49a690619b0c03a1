// Test support for suites that need a real Redis: the shared one (REDIS_URL) or a private server.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, connect } from 'node:net';

/**
 * The machine's Redis for suites that need one, or undefined on a laptop without it (the suite then
 * prints why and skips). CI sets `REDIS_URL`, and there (`CI=true`) its absence fails the suite.
 */
export function redisUrlForTests(suite: string): string | undefined {
  const url = process.env['REDIS_URL']?.trim();
  if (url) return url;
  if (process.env['CI'] === 'true') throw new Error(`${suite} needs Redis: CI must set REDIS_URL`);
  process.stderr.write(
    `[${suite}] skipped: REDIS_URL is not set (CI sets it; locally: REDIS_URL=redis://127.0.0.1:6379 npm test)\n`,
  );
  return undefined;
}

/** A key namespace of the calling test's own, so that concurrent suites never share state. */
export const testNamespace = (): string => `keel-test-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Whether `redis-server` can be started here (it is on CI; a laptop may lack it). */
export function redisServerAvailable(suite: string): boolean {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (found) return true;
  if (process.env['CI'] === 'true') throw new Error(`${suite} needs redis-server on PATH in CI`);
  process.stderr.write(`[${suite}] skipped: redis-server is not installed (apt-get install redis-server)\n`);
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A private redis-server on a free port, which a test may stop and start again (on the same port)
 * without touching the machine's shared one. Nothing is kept on disk.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server again on its port. */
  async resume(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--enable-debug-command',
        'local',
      ],
      { stdio: 'ignore' },
    );
    await waitForPort(this.port);
  }

  /** Kills the server (clients see their connections drop and every command fail). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
