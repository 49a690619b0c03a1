import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * `npm start` (tools/start/start.js) with one service, the platform's fixture run through the real
 * bootstrapService: killing start.js leaves no service behind, and one Ctrl-C is one clean drain.
 * Bounds are generous on purpose: what is guarded against is a process that never exits.
 */
const ROOT = join(__dirname, '..', '..', '..');
const START = join(ROOT, 'tools/start/start.js');
const SERVICES = join(__dirname, 'fixture-services.js');
const EXIT_BOUND_MS = 20_000;

interface Started {
  start: ChildProcess;
  output: () => string;
  servicePid: number;
}

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((undo) => undo()));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return check();
}

/** Runs start.js in a process group of its own (as a terminal runs a foreground job), until it says it is up. */
async function startOneService(): Promise<Started> {
  const port = await freePort();
  const start = spawn(process.execPath, [START, '--no-build'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KEEL_START_SERVICES: SERVICES, START_FIXTURE_PORT: String(port), LOG_LEVEL: 'info' },
  });
  let text = '';
  start.stdout!.on('data', (chunk: Buffer) => (text += chunk));
  start.stderr!.on('data', (chunk: Buffer) => (text += chunk));
  const up = await until(() => text.includes('Keel is up') || start.exitCode !== null, 90_000);
  if (!up || start.exitCode !== null) throw new Error(`start.js did not come up:\n${text}`);
  // Every pino line carries the pid of the service that wrote it.
  const listening = text.split('\n').find((line) => line.includes('listening on'));
  const servicePid = Number(JSON.parse(listening ?? '{}').pid);
  cleanup.push(() => {
    if (isAlive(servicePid)) process.kill(servicePid, 'SIGKILL');
    if (start.exitCode === null && start.signalCode === null) start.kill('SIGKILL');
  });
  return { start, output: () => text, servicePid };
}

describe('npm start (tools/start/start.js)', () => {
  it('leaves no service alive when start.js itself is killed with SIGKILL', async () => {
    // Arrange
    const { start, servicePid } = await startOneService();
    expect(isAlive(servicePid)).toBe(true);

    // Act
    start.kill('SIGKILL');
    const gone = await until(() => !isAlive(servicePid), EXIT_BOUND_MS);

    // Assert
    expect(gone).toBe(true);
  });

  it('drains each service once on a Ctrl-C (SIGINT to the whole process group)', async () => {
    // Arrange
    const { start, output, servicePid } = await startOneService();

    // Act: what a terminal does on Ctrl-C: SIGINT to every process of the foreground group.
    process.kill(-start.pid!, 'SIGINT');
    const startExited = await until(() => start.exitCode !== null || start.signalCode !== null, EXIT_BOUND_MS);
    const serviceGone = await until(() => !isAlive(servicePid), EXIT_BOUND_MS);

    // Assert
    const lines = output().split('\n');
    expect(startExited).toBe(true);
    expect(serviceGone).toBe(true);
    expect(lines.filter((line) => line.includes('shutting down: readiness is now 503'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('drained: closing clients and the database'))).toHaveLength(1);
    expect(output()).not.toContain('without draining');
    expect(start.exitCode).toBe(0);
  });
});
